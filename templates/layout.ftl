<#-- The frame every page shares: header, course sidebar, the page, previous/next, footer.
     The course order comes from site.yaml, which the build computes from the pages' headers. -->
<#macro page title description="" hasCharts=false>
<#assign site = data.get('site.yaml')>
<#assign root = content.rootpath!"">
<#assign here = content.uri!"">
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title?html} · System Design, Verified</title>
<#if description?has_content><meta name="description" content="${description?html}"></#if>
<link rel="stylesheet" href="${root}css/site.css">
</head>
<body>
<header class="topbar">
  <a class="brand" href="${root}index.html">System Design, Verified</a>
</header>
<div class="frame">
<nav class="sidebar" aria-label="Course">
  <ol class="course">
  <#list site.course as item>
    <li<#if item.url == here> class="current"</#if>><a href="${root}${item.url}"<#if item.url == here> aria-current="page"</#if>>${item.title?html}</a></li>
  </#list>
  </ol>
  <#if site.pages?has_content>
  <ul class="extra">
  <#list site.pages as item>
    <li<#if item.url == here> class="current"</#if>><a href="${root}${item.url}">${item.title?html}</a></li>
  </#list>
  </ul>
  </#if>
</nav>
<main class="content">
<#nested>
<#list site.course as item>
  <#if item.url == here>
  <nav class="prevnext" aria-label="Previous and next">
    <#if item?index gt 0><#assign prev = site.course[item?index - 1]><a class="prev" href="${root}${prev.url}">← ${prev.title?html}</a></#if>
    <#if item?has_next><#assign next = site.course[item?index + 1]><a class="next" href="${root}${next.url}">${next.title?html} →</a></#if>
  </nav>
  </#if>
</#list>
</main>
</div>
<footer class="footer">
  Every code block on this site was compiled and run by the build that published it; every chart and derived number was computed by a program you can open.
  Built from commit ${site.build.shortCommit} of ${site.build.date}.
</footer>
<#if hasCharts>
<script src="${root}vendor/echarts/echarts.min.js"></script>
<script src="${root}js/charts.js"></script>
</#if>
</body>
</html>
</#macro>
