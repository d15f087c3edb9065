using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Taazeez.Crm.Portal.Tests.Infrastructure;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Portal.Tests
{
    /// <summary>
    /// Opens the rendered apply and request-details pages in headless Chromium: right-to-left Arabic layout,
    /// Arabic labels, client-side required-field errors; screenshots go to artifacts/portal-screenshots/.
    /// </summary>
    [Collection("chromium")]
    public class BrowserTests
    {
        private static readonly LiquidRenderer Renderer = new(PortalSite.Current);

        [Fact]
        [PolicyClause("S4", "C7")]
        public async Task Apply_page_is_rtl_arabic_and_shows_required_field_errors()
        {
            var url = RenderToFile("apply", "ar-SA", new RenderRequest { LanguageCode = "ar-SA", ContactId = SampleData.ContactId, Rows = SampleData.Rows(withMobile: false) });
            await using var browser = await HeadlessChromium.LaunchAsync();
            await browser.NavigateAsync(url);

            Assert.Equal("rtl", await browser.EvaluateAsync<string>("document.documentElement.dir"));
            Assert.Equal("rtl", await browser.EvaluateAsync<string>("getComputedStyle(document.querySelector('form')).direction"));
            var labels = await browser.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#taz-step-personal label')).map(l => l.textContent.replace('*', '').trim())");
            Assert.Contains("الاسم الكامل", labels);
            Assert.Contains("رقم الجوال", labels);
            Assert.Contains("المحافظة", labels);
            Assert.True(await browser.EvaluateAsync<bool>("document.getElementById('taz-step-household').hidden && !document.getElementById('taz-step-personal').hidden"));

            // Next with the mobile number missing: the step stays, the field is marked and the Arabic message shows.
            await browser.EvaluateAsync("document.querySelector('#taz-step-personal [data-step-next]').click()");
            Assert.Equal(new[] { "هذا الحقل مطلوب" }, await browser.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#taz-step-personal .taz-error')).map(e => e.textContent)"));
            Assert.Equal("true", await browser.EvaluateAsync<string>("document.getElementById('taz_mobile').getAttribute('aria-invalid')"));
            Assert.True(await browser.EvaluateAsync<bool>("document.querySelector('#taz-step-personal .taz-error').getBoundingClientRect().height > 0"));
            Assert.Equal("يرجى تصحيح الحقول المشار إليها", await browser.EvaluateAsync<string>("document.querySelector('.taz-summary').textContent"));
            Assert.True(await browser.EvaluateAsync<bool>("document.getElementById('taz-step-household').hidden"));
            await browser.ScreenshotAsync(Path.Combine(RepoPaths.Screenshots, "apply-required-errors.ar-SA.png"));

            // A malformed number gets the format message; a valid one moves on to the household step.
            await browser.EvaluateAsync("document.getElementById('taz_mobile').value = '0551234'; document.querySelector('#taz-step-personal [data-step-next]').click()");
            Assert.Equal("أدخل رقم جوال بالصيغة ‎+9665XXXXXXXX", await browser.EvaluateAsync<string>("document.querySelector('#taz-step-personal .taz-error').textContent"));
            await browser.EvaluateAsync("document.getElementById('taz_mobile').value = '+966512345678'; document.querySelector('#taz-step-personal [data-step-next]').click()");
            Assert.True(await browser.EvaluateAsync<bool>("!document.getElementById('taz-step-household').hidden && document.getElementById('taz-step-personal').hidden"));

            // A household member added but left empty blocks the step too.
            await browser.EvaluateAsync("document.getElementById('taz-add-member').click(); document.querySelector('#taz-step-household [data-step-next]').click()");
            Assert.Equal(4, await browser.EvaluateAsync<int>("document.querySelectorAll('#taz-step-household .taz-error').length"));
            await browser.ScreenshotAsync(Path.Combine(RepoPaths.Screenshots, "apply-household-errors.ar-SA.png"));

            // The declaration step (S4) cannot be submitted unsigned.
            await browser.EvaluateAsync("document.querySelector('[data-remove-member]').click(); document.querySelectorAll('.taz-step').forEach((s, i) => s.hidden = i !== 5); document.querySelector('form').requestSubmit()");
            Assert.Equal(2, await browser.EvaluateAsync<int>("document.querySelectorAll('#taz-step-declaration .taz-error').length"));
            Assert.False(await browser.EvaluateAsync<bool>("document.querySelector('form').hidden"));
            await browser.ScreenshotAsync(Path.Combine(RepoPaths.Screenshots, "apply-declaration-errors.ar-SA.png"));
        }

        [Fact]
        public async Task Apply_page_in_english_is_ltr_with_english_messages()
        {
            var url = RenderToFile("apply", "en-US", new RenderRequest { LanguageCode = "en-US", ContactId = SampleData.ContactId, Rows = SampleData.Rows(withMobile: false) });
            await using var browser = await HeadlessChromium.LaunchAsync();
            await browser.NavigateAsync(url);

            Assert.Equal("ltr", await browser.EvaluateAsync<string>("document.documentElement.dir"));
            await browser.EvaluateAsync("document.querySelector('#taz-step-personal [data-step-next]').click()");
            Assert.Equal(new[] { "This field is required" }, await browser.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#taz-step-personal .taz-error')).map(e => e.textContent)"));
            await browser.ScreenshotAsync(Path.Combine(RepoPaths.Screenshots, "apply-required-errors.en-US.png"));
        }

        [Fact]
        [PolicyClause("S5")]
        public async Task Request_details_page_is_rtl_with_timeline_committee_date_and_decision()
        {
            var url = RenderToFile("request", "ar-SA", new RenderRequest
            {
                LanguageCode = "ar-SA",
                ContactId = SampleData.ContactId,
                Rows = SampleData.Rows(),
                QueryString = new Dictionary<string, string> { ["id"] = SampleData.DecidedRequestId.ToString() },
            });
            await using var browser = await HeadlessChromium.LaunchAsync();
            await browser.NavigateAsync(url);

            Assert.Equal("rtl", await browser.EvaluateAsync<string>("document.documentElement.dir"));
            Assert.Equal("مراحل الطلب", await browser.EvaluateAsync<string>("document.getElementById('taz-timeline-title').textContent"));
            Assert.Equal(6, await browser.EvaluateAsync<int>("document.querySelectorAll('.taz-timeline li').length"));
            Assert.Equal(4, await browser.EvaluateAsync<int>("document.querySelectorAll('.taz-timeline li.taz-done').length"));
            Assert.Equal("2026-10-17", await browser.EvaluateAsync<string>("document.getElementById('taz-committee-due').textContent"));
            Assert.Equal("موافق عليه جزئيا", await browser.EvaluateAsync<string>("document.getElementById('taz-request-status').textContent"));
            Assert.Equal("موافقة جزئية", await browser.EvaluateAsync<string>("document.getElementById('taz-decision').textContent.trim()"));
            Assert.Contains("سقف الدعم", await browser.EvaluateAsync<string>("document.getElementById('taz-decision-reasons').textContent"), StringComparison.Ordinal);
            var dts = await browser.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('dt')).map(d => d.textContent)");
            Assert.Contains("الموعد المتوقع لرد اللجنة", dts);
            // Right to left: the timeline's line sits on the right edge of the list.
            Assert.True(await browser.EvaluateAsync<bool>("parseFloat(getComputedStyle(document.querySelector('.taz-timeline')).borderRightWidth) > 0"));
            await browser.ScreenshotAsync(Path.Combine(RepoPaths.Screenshots, "request-details.ar-SA.png"));
        }

        private static string RenderToFile(string partialUrl, string language, RenderRequest request)
        {
            var result = Renderer.Render(PortalPages.ByUrl(partialUrl).WebTemplate, request);
            Assert.Empty(result.MissingSnippets);
            Directory.CreateDirectory(RepoPaths.Screenshots);
            var path = Path.Combine(RepoPaths.Screenshots, partialUrl + "." + language + ".html");
            File.WriteAllText(path, result.Html);
            return new Uri(path).AbsoluteUri;
        }
    }
}
