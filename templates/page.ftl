<#import "layout.ftl" as layout>
<@layout.page title=content.title description=(content.description!"") hasCharts=content.body?contains("data-echarts=") hasCalculators=content.body?contains("data-calculator=") kind=(content.type!"page")>
<article class="page">
<h1>${content.title?html}</h1>
${content.body}
</article>
</@layout.page>
