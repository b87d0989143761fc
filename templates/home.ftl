<#import "layout.ftl" as layout>
<#assign site = data.get('site.yaml')>
<#assign contributing = site.pages?filter(p -> p.url == "contributing.html")?has_content>
<@layout.page title=content.title description=(content.description!"") hasCharts=content.body?contains("data-echarts=") kind="home">
<article class="page home">
<h1>${content.title?html}</h1>
${content.body}
<h2 id="the-course">The course</h2>
<#list site.groups as group>
<h3 id="course-${group.id}">${group.title?html}</h3>
<ol class="course-list">
<#list group.items as item>
  <li><a href="${item.url}"><#if item.label?has_content><span class="course-label">${item.label?html}</span> </#if>${item.title?html}</a><#if item.description?has_content><p>${item.description?html}</p></#if></li>
</#list>
</ol>
</#list>
<h2 id="how-to-use-this-site">How to use this site</h2>
<ul class="how-to">
  <li><strong>Read in order.</strong> The modules build on each other; the case studies apply them; the last module reviews everything. <em>Previous</em> and <em>Next</em> links at the bottom of each page follow that order.</li>
  <li><strong>Search</strong> with the box at the top (press <kbd>/</kbd> from anywhere): results are sections, not just pages, with the sentence that matched.</li>
  <li><strong>Check any number.</strong> A number with a dotted underline was computed by a program: hover it to see which. Every table, chart and code block links to its program, with the output of the run that published this page.</li>
  <li><strong>Turn the knobs.</strong> Calculators (on Module 1 and later modules) recompute an estimate step by step as you change an input; with their default inputs they show exactly what the page's Java program computed.</li>
  <li><strong>Print or read offline.</strong> <a href="guide.html">The whole guide on one page</a> prints the course in order; the site works opened from a folder, without a network.</li>
  <li><strong>Dark or light.</strong> The site follows your system's setting; the button at the top switches and remembers your choice.</li>
  <li><strong>Found a mistake?</strong> Every page ends with a link to suggest a correction<#if contributing>; <a href="contributing.html">contributing</a> explains how to fix a number, add a program or a chart, and run the build</#if>.</li>
</ul>
</article>
</@layout.page>
