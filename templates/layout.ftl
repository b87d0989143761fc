<#-- The frame every page shares: header (search, theme), course sidebar, the page, its table of contents,
     previous/next, "suggest a correction", footer. The course order comes from site.yaml, which the build
     computes from the pages' headers (bake/Navigation.java). No inline scripts or styles: the
     Content-Security-Policy below allows only the site's own files. -->
<#include "settings.ftl">
<#macro page title description="" hasCharts=false hasCalculators=false kind="page">
<#assign site = data.get('site.yaml')>
<#assign root = content.rootpath!"">
<#assign here = content.uri!"">
<#assign contributing = site.pages?filter(p -> p.url == "contributing.html")?has_content>
<#if here?starts_with("programs/")>
  <#assign source = "snippets/" + here?remove_beginning("programs/")?remove_ending(".html") + ".java">
<#else>
  <#assign source = site.sources[here]!"">
</#if>
<!DOCTYPE html>
<html lang="en" data-root="${root}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'">
<title>${title?html} · System Design, Verified</title>
<meta name="description" content="${(description?has_content)?then(description, 'System Design, Verified: ' + title)?html}">
<meta property="og:url" content="${siteUrl}${here}">
<link rel="icon" href="${root}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}css/site.css">
<script src="${root}js/theme.js"></script>
<script src="${root}js/site.js" defer></script>
</head>
<body class="kind-${kind}">
<a class="skip-link" href="#main">Skip to the content</a>
<header class="topbar">
  <a class="brand" href="${root}index.html">System Design, Verified</a>
  <a class="menu-link" href="#course-nav">Course</a>
  <div class="search js-only" role="search">
    <label class="visually-hidden" for="search-input">Search the guide</label>
    <input id="search-input" class="search-input" type="search" placeholder="Search the guide (press /)" autocomplete="off" spellcheck="false" aria-describedby="search-status">
    <div id="search-panel" class="search-panel" hidden>
      <p id="search-status" class="search-status" role="status"></p>
      <ol id="search-results" class="search-results"></ol>
    </div>
  </div>
  <button type="button" id="theme-toggle" class="theme-toggle js-only"><span class="when-light">Dark<span class="long"> theme</span></span><span class="when-dark">Light<span class="long"> theme</span></span></button>
</header>
<div class="frame">
<nav class="sidebar" id="course-nav" aria-label="Course">
  <#list site.groups as group>
  <p class="nav-group" id="nav-${group.id}">${group.title?html}</p>
  <ol class="course" aria-labelledby="nav-${group.id}">
    <#list group.items as item>
    <li<#if item.url == here> class="current"</#if>><a href="${root}${item.url}"<#if item.url == here> aria-current="page"</#if>><#if item.kind == "module"><span class="nav-number">${item.order}</span> </#if>${item.title?html}</a></li>
    </#list>
  </ol>
  </#list>
  <ul class="extra">
    <li<#if here == "index.html"> class="current"</#if>><a href="${root}index.html">Home: how to use this guide</a></li>
    <li<#if here == "guide.html"> class="current"</#if>><a href="${root}guide.html">The whole guide on one page (to print)</a></li>
    <#list site.pages as item>
    <li<#if item.url == here> class="current"</#if>><a href="${root}${item.url}"<#if item.url == here> aria-current="page"</#if>>${item.title?html}</a></li>
    </#list>
  </ul>
</nav>
<main id="main" class="main">
<#nested>
<#list site.course as item>
  <#if item.url == here>
  <nav class="prevnext" aria-label="Previous and next">
    <#if item?index gt 0><#assign prev = site.course[item?index - 1]><a class="prev" href="${root}${prev.url}" rel="prev"><span class="prevnext-label">Previous</span> ${prev.title?html}</a></#if>
    <#if item?has_next><#assign next = site.course[item?index + 1]><a class="next" href="${root}${next.url}" rel="next"><span class="prevnext-label">Next</span> ${next.title?html}</a></#if>
  </nav>
  </#if>
</#list>
<#if source?has_content>
<p class="correction"><a class="correction-link" href="${sourceUrl}${source}">Suggest a correction</a> to <code>${source?html}</code><#if contributing> (see <a href="${root}contributing.html">how to contribute</a>)</#if>.</p>
</#if>
</main>
<div class="toc-column" id="toc-column"></div>
</div>
<footer class="footer">
  Every code block on this site was compiled and run by the build that published it; every chart and derived number was computed by a program you can open.
  Built from commit ${site.build.shortCommit} of ${site.build.date}.
  <a href="${root}verification.html">Verification report</a> · <a href="${root}practice.html">Practice questions</a>
</footer>
<#if hasCharts>
<script src="${root}js/charts.js"></script>
</#if>
<#if hasCalculators>
<script src="${root}js/calculators.js"></script>
</#if>
</body>
</html>
</#macro>
