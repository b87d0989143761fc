<#import "layout.ftl" as layout>
<#assign site = data.get('site.yaml')>
<@layout.page title=content.title description=(content.description!"") hasCharts=content.body?contains("data-echarts=")>
<article class="page home">
<h1>${content.title?html}</h1>
${content.body}
<h2 id="the-course">The course</h2>
<ol class="course-list">
<#list site.course as item>
  <li><a href="${item.url}">${item.title?html}</a><#if item.description?has_content><p>${item.description?html}</p></#if></li>
</#list>
</ol>
</article>
</@layout.page>
