using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>A root web page and the web template its page template renders.</summary>
    public sealed record PortalPage(string Name, string PartialUrl, string WebTemplate);

    public static class PortalPages
    {
        public static IReadOnlyList<PortalPage> All(PortalSite site)
        {
            var webTemplates = site.Under("web-templates", ".webtemplate.yml").ToDictionary(t => t["adx_webtemplateid"], t => t["adx_name"]);
            var pageTemplates = site.Under("page-templates", ".pagetemplate.yml").ToDictionary(t => t["adx_pagetemplateid"], t => webTemplates[t["adx_webtemplateid"]]);
            return site.Under("web-pages", ".webpage.yml")
                .Where(p => p.Flag("adx_isroot"))
                .Select(p => new PortalPage(p["adx_name"], p["adx_partialurl"], pageTemplates[p["adx_pagetemplateid"]]))
                .OrderBy(p => p.Name, System.StringComparer.Ordinal)
                .ToList();
        }

        public static PortalPage ByUrl(string partialUrl) => All(PortalSite.Current).Single(p => p.PartialUrl == partialUrl);
    }
}
