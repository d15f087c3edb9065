using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Taazeez.Crm.Portal.Tests.Infrastructure;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Portal.Tests
{
    /// <summary>Every page renders with Fluid in Arabic and English, signed in and anonymous, with every text from a snippet.</summary>
    public class LiquidRenderingTests
    {
        private static readonly LiquidRenderer Renderer = new(PortalSite.Current);

        public static IEnumerable<object[]> Cases() =>
            from page in PortalPages.All(PortalSite.Current)
            from language in new[] { "ar-SA", "en-US" }
            from signedIn in new[] { true, false }
            select new object[] { page.WebTemplate, language, signedIn };

        [Theory]
        [MemberData(nameof(Cases))]
        [PolicyClause("G4", "C7")]
        public void Page_renders_completely_in_the_language_and_direction(string webTemplate, string language, bool signedIn)
        {
            var result = Renderer.Render(webTemplate, new RenderRequest
            {
                LanguageCode = language,
                ContactId = signedIn ? SampleData.ContactId : null,
                QueryString = new Dictionary<string, string> { ["id"] = SampleData.DecidedRequestId.ToString() },
                Rows = SampleData.Rows(),
            });

            Assert.Empty(result.MissingSnippets);
            Assert.DoesNotContain("{%", result.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", result.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("%}", result.Html, StringComparison.Ordinal);
            var direction = language == "ar-SA" ? "rtl" : "ltr";
            Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", result.Html, StringComparison.Ordinal);
            Assert.Matches(new Regex("<h1>[^<]+</h1>"), result.Html);
            Assert.DoesNotMatch(new Regex("<option value=\"\\d+\"[^>]*></option>|<li></li>|<h1></h1>|<label[^>]*></label>"), result.Html);
            if (language == "ar-SA")
            {
                Assert.Matches(new Regex("<h1>[\\u0600-\\u06FF ]+</h1>"), result.Html);
            }
        }

        [Fact]
        public void Missing_snippets_are_detected()
        {
            var renderer = new LiquidRenderer(PortalSite.Current);
            var withTypo = renderer.RenderSource("probe", "{{ snippets['Taz/No/Such/Snippet'] }}", new RenderRequest());
            Assert.Contains("Taz/No/Such/Snippet", withTypo.MissingSnippets);
        }

        [Fact]
        [PolicyClause("S5")]
        public void Request_details_show_status_timeline_committee_date_decision_and_reasons()
        {
            var result = Renderer.Render(PortalPages.ByUrl("request").WebTemplate, new RenderRequest
            {
                ContactId = SampleData.ContactId,
                QueryString = new Dictionary<string, string> { ["id"] = SampleData.DecidedRequestId.ToString() },
                Rows = SampleData.Rows(),
            });

            Assert.Contains("SR-2026-000042", result.Html, StringComparison.Ordinal);
            Assert.Contains("<dd id=\"taz-request-status\">موافق عليه جزئيا</dd>", result.Html, StringComparison.Ordinal);
            Assert.Contains("<dd id=\"taz-committee-due\"><time dir=\"ltr\">2026-10-17</time></dd>", result.Html, StringComparison.Ordinal);
            Assert.Contains("<strong>موافقة جزئية</strong>", result.Html, StringComparison.Ordinal);
            Assert.Contains("تمت الموافقة على نصف مبلغ الإيجار", result.Html, StringComparison.Ordinal);
            Assert.Equal(4, Regex.Matches(result.Html, "<li class=\"taz-done\">").Count);
        }

        [Fact]
        public void Request_details_of_a_row_the_contact_cannot_read_say_not_found()
        {
            var result = Renderer.Render(PortalPages.ByUrl("request").WebTemplate, new RenderRequest
            {
                ContactId = SampleData.ContactId,
                QueryString = new Dictionary<string, string> { ["id"] = Guid.NewGuid().ToString() },
                Rows = SampleData.Rows(),
            });

            Assert.Contains("الطلب غير موجود أو لا تملك صلاحية عرضه", result.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("SR-2026-000042", result.Html, StringComparison.Ordinal);
        }

        [Fact]
        [PolicyClause("S4")]
        public void Apply_form_has_the_six_steps_and_the_signed_declaration()
        {
            var html = Renderer.Render(PortalPages.ByUrl("apply").WebTemplate, new RenderRequest { ContactId = SampleData.ContactId, Rows = SampleData.Rows() }).Html;

            Assert.Equal(6, Regex.Matches(html, "<fieldset class=\"taz-step\"").Count);
            foreach (var step in new[] { "البيانات الشخصية", "بيانات الأسرة", "نوع الدعم", "المستندات", "مراجعة الطلب", "الإقرار والتوقيع" })
            {
                Assert.Contains("<legend>" + step + "</legend>", html, StringComparison.Ordinal);
            }

            Assert.Matches(new Regex("<input id=\"taz_declarationsigned\" type=\"checkbox\" required"), html);
            Assert.Matches(new Regex("<input id=\"taz_declarationsignedby\"[^>]* required"), html);
            Assert.Contains("value=\"فاطمة أحمد علي\"", html, StringComparison.Ordinal);
            Assert.Contains("<option value=\"826000002\" selected>صبيا</option>", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Apply_page_without_a_consented_file_sends_the_contact_to_complete_it()
        {
            var html = Renderer.Render(PortalPages.ByUrl("apply").WebTemplate, new RenderRequest { ContactId = Guid.NewGuid(), Rows = SampleData.Rows() }).Html;

            Assert.DoesNotContain("taz-step", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/my-file/\"", html, StringComparison.Ordinal);
        }

        [Fact]
        [PolicyClause("G6a")]
        public void Home_corrects_common_misconceptions_in_both_languages()
        {
            var ar = Renderer.Render("Taz Home", new RenderRequest { LanguageCode = "ar-SA" }).Html;
            var en = Renderer.Render("Taz Home", new RenderRequest { LanguageCode = "en-US" }).Html;

            Assert.Equal(5, Regex.Matches(ar, "<details>").Count);
            Assert.Contains("لا تقل عن أسبوعين", ar, StringComparison.Ordinal);
            Assert.Contains("not less than two weeks", en, StringComparison.Ordinal);
            Assert.Contains("never used to punish or shame", en, StringComparison.Ordinal);
        }
    }
}
