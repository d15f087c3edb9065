using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator;

namespace Taazeez.Crm.Cli.Simulation;

/// <summary>One member of staff: a systemuser holding a security role, and the service calling as them.</summary>
public sealed record StaffMember(Guid Id, string FullName, string RoleEnglish, IOrganizationService Service);

/// <summary>
/// The association's staff in the emulator, with the security roles of docs/data-model.md: beneficiary relations
/// officers (S1, S2, S4, S6), social researchers (S3), research committee members (S5), branch office
/// representatives (C8) and the manager who reads the KPIs; plus one branch office per Jazan governorate.
/// </summary>
public sealed class StaffDirectory
{
    public static readonly Guid OfficerRole = new("3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7");
    public static readonly Guid ResearcherRole = new("7e9507d7-48b5-44e3-94ae-2bb65b1d175e");
    public static readonly Guid CommitteeRole = new("66e5a571-44fe-4473-af39-b181ca8496bb");
    public static readonly Guid RepresentativeRole = new("f5adc8d6-20d7-46ea-923d-eefda57ce16c");
    public static readonly Guid ManagerRole = new("5709a61d-e956-4149-8b0a-6e4b01c3aa3f");

    private static readonly string[] OfficerNames = { "نورة العريشي", "حسن الحازمي", "أمل النعمي" };
    private static readonly string[] ResearcherNames = { "سارة المدخلي", "يحيى الفيفي", "هند الصميلي", "إبراهيم الحكمي", "ريم المالكي", "ناصر القحطاني" };
    private static readonly string[] CommitteeNames = { "د. عبدالله الزهراني", "خديجة الحازمي", "سعد العريشي" };
    private static readonly string[] RepresentativeNames = { "علي النعمي", "مريم الفيفي", "خالد المدخلي", "زينب الحكمي" };
    private const string ManagerName = "محمد الصميلي";

    /// <summary>Governorate option values (826000001..826000017) in data-model order with their Arabic names.</summary>
    public static readonly string[] Governorates =
    {
        "جازان", "صبيا", "أبو عريش", "صامطة", "أحد المسارحة", "الدرب", "بيش", "ضمد", "فرسان",
        "العارضة", "العيدابي", "الداير", "فيفاء", "هروب", "الريث", "الطوال", "الحرث",
    };

    private StaffDirectory() { }

    public IReadOnlyList<StaffMember> Officers { get; private init; } = Array.Empty<StaffMember>();
    public IReadOnlyList<StaffMember> Researchers { get; private init; } = Array.Empty<StaffMember>();
    public IReadOnlyList<StaffMember> Committee { get; private init; } = Array.Empty<StaffMember>();
    public IReadOnlyList<StaffMember> Representatives { get; private init; } = Array.Empty<StaffMember>();
    public StaffMember Manager { get; private init; } = null!;

    /// <summary>Branch office id per governorate value (826000001 + i).</summary>
    public IReadOnlyDictionary<int, Guid> Branches { get; private init; } = new Dictionary<int, Guid>();

    public IEnumerable<StaffMember> Everyone => Officers.Concat(Researchers).Concat(Committee).Concat(Representatives).Append(Manager);

    /// <summary>Adds the users with their roles, the branch offices (created by the manager, with a researcher and a
    /// representative each) and points the committee-head environment variable at the first committee member.</summary>
    public static StaffDirectory Create(DataverseEmulator emulator)
    {
        StaffMember Add(string name, string role, Guid roleId) { var id = emulator.AddUser(name, roleId); return new StaffMember(id, name, role, emulator.CreateService(id)); }

        var manager = Add(ManagerName, "Manager", ManagerRole);
        var officers = OfficerNames.Select(n => Add(n, "Beneficiary relations officer", OfficerRole)).ToList();
        var researchers = ResearcherNames.Select(n => Add(n, "Social researcher", ResearcherRole)).ToList();
        var committee = CommitteeNames.Select(n => Add(n, "Committee member", CommitteeRole)).ToList();
        var representatives = RepresentativeNames.Select(n => Add(n, "Branch representative", RepresentativeRole)).ToList();

        var branches = new Dictionary<int, Guid>();
        for (var i = 0; i < Governorates.Length; i++)
        {
            var governorate = SamplePopulation.OptionBase + 1 + i;
            var id = manager.Service.Create(new Entity("taz_branchoffice")
            {
                ["taz_name"] = "مكتب " + Governorates[i],
                ["taz_governorate"] = new OptionSetValue(governorate),
                ["taz_phone"] = "+96617" + (3210000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["taz_managerid"] = new EntityReference("systemuser", manager.Id),
            });
            branches[governorate] = id;
            // The branch's researcher and representative (N:N taz_branchoffice_representative): S3 referrals go to
            // the researchers of the request's branch first.
            manager.Service.Associate("taz_branchoffice", id, new Relationship("taz_branchoffice_representative"), new EntityReferenceCollection
            {
                new EntityReference("systemuser", researchers[i % researchers.Count].Id),
                new EntityReference("systemuser", representatives[i % representatives.Count].Id),
            });
        }
        emulator.SetEnvironmentVariable("taz_CommitteeHeadUserId", committee[0].Id.ToString("D"));
        return new StaffDirectory
        {
            Officers = officers,
            Researchers = researchers,
            Committee = committee,
            Representatives = representatives,
            Manager = manager,
            Branches = branches,
        };
    }
}
