<#-- The site's two addresses, in one place.
     siteUrl:   where the published site lives (ends with '/'); pages declare their address from it (og:url),
                and sitemap.xml and the 404 page are built from those declarations.
     sourceUrl: the repository's "edit a file" address (ends with '/'); every page's
                "Suggest a correction" link is sourceUrl + the page's source file. -->
<#assign siteUrl = "https://system-design-verified.github.io/system-design-verified/">
<#assign sourceUrl = "https://github.com/system-design-verified/system-design-verified/edit/main/">
