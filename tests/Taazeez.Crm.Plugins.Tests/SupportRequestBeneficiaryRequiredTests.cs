using System;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using static Taazeez.Crm.Plugins.Tests.Org;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>S2/T4 through the emulator: the stage-10 SupportRequestBeneficiaryRequired steps refuse a request
    /// without a beneficiary file, in both languages, before anything is written.</summary>
    public class SupportRequestBeneficiaryRequiredTests
    {
        private const string Arabic = "يجب ربط طلب الدعم بملف المستفيد قبل الحفظ.";
        private const string English = "Link the support request to the beneficiary's file before saving.";

        private readonly Org _org = new Org();

        [Fact]
        [PolicyClause("S2", "T4")]
        public void The_messages_are_the_catalogues()
        {
            Assert.Equal(Arabic, PolicyText.Arabic("S4.BeneficiaryRequired"));
            Assert.Equal(English, PolicyText.English("S4.BeneficiaryRequired"));
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Create_with_a_beneficiary_is_accepted()
        {
            _org.Staff.Create(DraftData(_org.NewBeneficiary()));
            Assert.Equal(1, _org.Emulator.Count("taz_supportrequest"));
            Assert.Contains(_org.Emulator.Traces, t => t.Stage == 10 && t.Exception == null
                && t.TraceText.Contains("SupportRequestBeneficiaryRequired: Create taz_supportrequest stage 10"));
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Create_without_a_beneficiary_is_rejected_in_both_languages()
        {
            var staff = DraftData(Guid.Empty);
            staff.Attributes.Remove("taz_beneficiaryid");
            _org.RefusedWith(() => _org.Staff.Create(staff), Arabic, English);
            var portal = Signed(DraftData(Guid.Empty), verified: false);
            portal["taz_beneficiaryid"] = null;
            _org.RefusedWith(() => _org.Portal.Create(portal), Arabic, English);
            Assert.Equal(0, _org.Emulator.Count("taz_supportrequest"));
        }

        [Fact]
        [PolicyClause("S2", "T4")]
        public void Update_that_clears_the_beneficiary_is_rejected_and_other_updates_pass()
        {
            var id = _org.Staff.Create(DraftData(_org.NewBeneficiary()));
            _org.RefusedWith(() => _org.Update(id, ("taz_beneficiaryid", null)), Arabic, English);
            _org.Update(id, ("taz_description", "سلة غذائية"));
            Assert.Equal("سلة غذائية", _org.Read(id).GetAttributeValue<string>("taz_description"));
            Assert.NotNull(_org.Read(id).GetAttributeValue<EntityReference>("taz_beneficiaryid"));
        }
    }
}
