using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    public class SupportRequestBeneficiaryRequiredTests
    {
        private const string Arabic = "يجب ربط طلب الدعم بملف المستفيد قبل الحفظ.";
        private const string English = "Link the support request to the beneficiary's file before saving.";

        private static readonly SupportRequestBeneficiaryRequired Plugin = new SupportRequestBeneficiaryRequired(null, null);

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Create_with_a_beneficiary_is_accepted()
        {
            var request = new Entity("taz_supportrequest", Guid.NewGuid())
            {
                ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", Guid.NewGuid()),
            };
            var context = new PipelineContext("Create", request);
            Plugin.Execute(context);
            Assert.Contains(context.Trace, line => line.Contains("SupportRequestBeneficiaryRequired: Create taz_supportrequest stage 10"));
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Create_without_a_beneficiary_is_rejected_in_both_languages()
        {
            var error = Assert.Throws<InvalidPluginExecutionException>(() =>
                Plugin.Execute(new PipelineContext("Create", new Entity("taz_supportrequest", Guid.NewGuid()))));
            Assert.Equal($"{Arabic} | {English}", error.Message);
            Assert.Equal(PluginHttpStatusCode.BadRequest, error.HttpStatus);
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Update_that_clears_the_beneficiary_is_rejected_and_other_updates_pass()
        {
            var cleared = new Entity("taz_supportrequest", Guid.NewGuid()) { ["taz_beneficiaryid"] = null };
            var error = Assert.Throws<InvalidPluginExecutionException>(() => Plugin.Execute(new PipelineContext("Update", cleared)));
            Assert.Contains(English, error.Message);
            Assert.Contains(Arabic, error.Message);

            var untouched = new Entity("taz_supportrequest", Guid.NewGuid()) { ["taz_description"] = "سلة غذائية" };
            Plugin.Execute(new PipelineContext("Update", untouched));
        }
    }
}
