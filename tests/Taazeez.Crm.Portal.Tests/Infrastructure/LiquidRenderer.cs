using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>What a page is rendered with: the language, the signed-in contact (or none), query string and rows.</summary>
    public sealed class RenderRequest
    {
        public string LanguageCode { get; init; } = "ar-SA";

        public Guid? ContactId { get; init; }

        public IReadOnlyDictionary<string, string> QueryString { get; init; } = new Dictionary<string, string>();

        /// <summary>Rows the portal's fetchxml tag would return (after table permissions), per table.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, object?>>> Rows { get; init; } = new Dictionary<string, IReadOnlyList<Dictionary<string, object?>>>();
    }

    /// <summary>A FetchXML query a template ran while rendering.</summary>
    public sealed record RenderedFetch(string Template, XElement Fetch);

    public sealed class RenderResult
    {
        public RenderResult(string html, IReadOnlyList<RenderedFetch> fetches, IReadOnlyCollection<string> missingSnippets)
        {
            Html = html;
            Fetches = fetches;
            MissingSnippets = missingSnippets;
        }

        public string Html { get; }

        public IReadOnlyList<RenderedFetch> Fetches { get; }

        public IReadOnlyCollection<string> MissingSnippets { get; }
    }

    /// <summary>
    /// Renders the portal's web templates with Fluid the way Power Pages would: snippets in the page's language,
    /// includes by web template name, the fetchxml tag answered from sample rows, and .NET date formats
    /// (Power Pages' date filter takes .NET format strings).
    /// </summary>
    public sealed class LiquidRenderer
    {
        private readonly PortalSite site;
        private readonly FluidParser parser = new();
        private readonly IReadOnlyDictionary<string, string> templates;

        public LiquidRenderer(PortalSite site)
        {
            this.site = site;
            templates = site.WebTemplates;
            parser.RegisterIdentifierBlock("fetchxml", RenderFetchXml);
        }

        public IReadOnlyDictionary<string, string> Templates => templates;

        public RenderResult Render(string templateName, RenderRequest request) => RenderSource(templateName, templates[templateName], request);

        /// <summary>Renders Liquid source that is not (yet) a web template, e.g. to probe the renderer itself.</summary>
        public RenderResult RenderSource(string templateName, string source, RenderRequest request)
        {
            if (!parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException("Liquid parse error in " + templateName + ": " + error);
            }

            var options = new TemplateOptions { FileProvider = new WebTemplateFileProvider(this), DefaultFileExtension = string.Empty, CultureInfo = CultureInfo.InvariantCulture };
            options.Filters.AddFilter("date", FormatDate);
            var snippets = new RecordingDictionary(site.Snippets.Where(s => s.LanguageCode == request.LanguageCode).ToDictionary(s => s.Name, s => (object)s.Value, StringComparer.Ordinal));
            var state = new RenderState(templateName, request);
            var context = new TemplateContext(options);
            context.AmbientValues["taz-state"] = state;
            context.SetValue("snippets", snippets);
            context.SetValue("settings", site.SiteSettings.ToDictionary(s => s["adx_name"], s => (object)(s.Get("adx_value") ?? string.Empty)));
            context.SetValue("website", Website(request.LanguageCode));
            context.SetValue("page", new Dictionary<string, object?> { ["title"] = templateName });
            context.SetValue("request", new Dictionary<string, object?> { ["params"] = request.QueryString.ToDictionary(p => p.Key, p => (object?)p.Value), ["path"] = "/" });
            if (request.ContactId is Guid contactId)
            {
                context.SetValue("user", new Dictionary<string, object?> { ["id"] = contactId.ToString(), ["fullname"] = "Portal User" });
            }

            var html = template.Render(context);
            return new RenderResult(html, state.Fetches, snippets.Missing);
        }

        private static Dictionary<string, object?> Website(string selectedCode)
        {
            var languages = new[] { ("ar-SA", "العربية"), ("en-US", "English") }
                .Select(l => new Dictionary<string, object?> { ["code"] = l.Item1, ["name"] = l.Item2, ["url"] = "/" + l.Item1 + "/" })
                .ToList();
            return new Dictionary<string, object?>
            {
                ["languages"] = languages,
                ["selected_language"] = languages.Single(l => (string)l["code"]! == selectedCode),
            };
        }

        private static ValueTask<FluidValue> FormatDate(FluidValue input, FilterArguments arguments, TemplateContext context)
        {
            var format = arguments.At(0).ToStringValue();
            return input.ToObjectValue() switch
            {
                DateTime dt => new ValueTask<FluidValue>(new StringValue(dt.ToString(format, CultureInfo.InvariantCulture))),
                DateTimeOffset dto => new ValueTask<FluidValue>(new StringValue(dto.ToString(format, CultureInfo.InvariantCulture))),
                _ => new ValueTask<FluidValue>(NilValue.Instance),
            };
        }

        private static async ValueTask<Completion> RenderFetchXml(string identifier, IReadOnlyList<Statement> statements, TextWriter writer, System.Text.Encodings.Web.TextEncoder encoder, TemplateContext context)
        {
            var state = (RenderState)context.AmbientValues["taz-state"];
            var body = new StringWriter();
            foreach (var statement in statements)
            {
                await statement.WriteToAsync(body, encoder, context);
            }

            var fetch = XElement.Parse(body.ToString().Trim());
            state.Fetches.Add(new RenderedFetch(state.TemplateName, fetch));
            var entity = fetch.Element("entity") ?? throw new InvalidOperationException("fetch without entity");
            var table = (string)entity.Attribute("name")!;
            IEnumerable<Dictionary<string, object?>> rows = state.Request.Rows.TryGetValue(table, out var sample) ? sample : Array.Empty<Dictionary<string, object?>>();
            foreach (var condition in entity.Elements("filter").Elements("condition"))
            {
                var column = (string)condition.Attribute("attribute")!;
                var op = (string)condition.Attribute("operator")!;
                var value = (string?)condition.Attribute("value");
                rows = op switch
                {
                    "eq" => rows.Where(r => r.TryGetValue(column, out var v) && string.Equals(Plain(v), value, StringComparison.OrdinalIgnoreCase)),
                    "null" => rows.Where(r => !r.TryGetValue(column, out var v) || v == null),
                    _ => throw new NotSupportedException("fetchxml operator " + op + " is not supported by the test renderer"),
                };
            }

            var count = (string?)fetch.Attribute("count");
            var list = rows.Take(count == null ? int.MaxValue : int.Parse(count, CultureInfo.InvariantCulture)).Cast<object?>().ToList();
            context.SetValue(identifier, new Dictionary<string, object?> { ["results"] = new Dictionary<string, object?> { ["entities"] = list, ["more_records"] = false }, ["xml"] = fetch.ToString() });
            return Completion.Normal;
        }

        private static string? Plain(object? value) => value switch
        {
            null => null,
            Dictionary<string, object?> option when option.TryGetValue("value", out var v) => Convert.ToString(v, CultureInfo.InvariantCulture),
            Dictionary<string, object?> reference when reference.TryGetValue("id", out var id) => Convert.ToString(id, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        private sealed class RenderState
        {
            public RenderState(string templateName, RenderRequest request)
            {
                TemplateName = templateName;
                Request = request;
            }

            public string TemplateName { get; }

            public RenderRequest Request { get; }

            public List<RenderedFetch> Fetches { get; } = new();
        }

        /// <summary>Snippets: remembers every name a template asked for that has no snippet in the language.</summary>
        private sealed class RecordingDictionary : Dictionary<string, object>, IDictionary<string, object>
        {
            public RecordingDictionary(IDictionary<string, object> values)
                : base(values, StringComparer.Ordinal)
            {
            }

            public HashSet<string> Missing { get; } = new(StringComparer.Ordinal);

            bool IDictionary<string, object>.TryGetValue(string key, [MaybeNullWhen(false)] out object value)
            {
                if (TryGetValue(key, out value))
                {
                    return true;
                }

                Missing.Add(key);
                return false;
            }

            bool IDictionary<string, object>.ContainsKey(string key)
            {
                if (ContainsKey(key))
                {
                    return true;
                }

                Missing.Add(key);
                return false;
            }
        }

        /// <summary>Resolves {% include 'Web Template Name' %} to the web template's source.</summary>
        private sealed class WebTemplateFileProvider : IFileProvider
        {
            private readonly LiquidRenderer owner;

            public WebTemplateFileProvider(LiquidRenderer owner) => this.owner = owner;

            public IFileInfo GetFileInfo(string subpath)
            {
                var name = subpath.TrimStart('/');
                if (name.EndsWith(".liquid", StringComparison.Ordinal))
                {
                    name = name[..^".liquid".Length];
                }

                return owner.templates.TryGetValue(name, out var source) ? new TemplateFile(name, source) : new NotFoundFileInfo(name);
            }

            public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

            public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
        }

        private sealed class TemplateFile : IFileInfo
        {
            private readonly byte[] content;

            public TemplateFile(string name, string source)
            {
                Name = name;
                content = Encoding.UTF8.GetBytes(source);
            }

            public bool Exists => true;

            public long Length => content.Length;

            public string? PhysicalPath => null;

            public string Name { get; }

            public DateTimeOffset LastModified => DateTimeOffset.MinValue;

            public bool IsDirectory => false;

            public Stream CreateReadStream() => new MemoryStream(content, writable: false);
        }
    }
}
