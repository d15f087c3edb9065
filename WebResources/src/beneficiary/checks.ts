// Beneficiary checks that need the server: duplicate ID (S2) and household size vs registered members.
namespace Taazeez.Beneficiary {
  import C = Taazeez.Common;

  /** Other beneficiaries already registered with this national ID / iqama number (at most 5 asked for). */
  export async function findDuplicates(nationalId: string, selfId: string | null): Promise<string[]> {
    let filter = `taz_nationalid eq '${nationalId}'`;
    if (selfId) filter += ` and taz_beneficiaryid ne ${C.bareId(selfId)}`;
    const result = await Xrm.WebApi.retrieveMultipleRecords("taz_beneficiary", `?$select=taz_beneficiaryid,taz_name&$filter=${filter}&$top=5`);
    return result.entities.map((e) => String(e["taz_name"] ?? e["taz_beneficiaryid"]));
  }

  export async function showDuplicateWarning(form: Xrm.FormContext): Promise<boolean> {
    const nationalId = C.value<string>(form, "taz_nationalid");
    if (nationalId === null || C.nationalIdProblem(nationalId) !== null) {
      C.formNotice(form, "taz_duplicate", null, "WARNING");
      return false;
    }
    const selfId = C.isCreate(form) ? null : form.data.entity.getId() || null;
    let names: string[];
    try {
      names = await findDuplicates(nationalId, selfId);
    } catch {
      // A user without read access to the column-secured ID cannot query it; the server's alternate key still refuses duplicates.
      names = [];
    }
    C.formNotice(form, "taz_duplicate", names.length > 0 ? C.message("S2.DuplicateBeneficiary", names.join("، ")) : null, "WARNING");
    return names.length > 0;
  }

  /** Members registered in taz_householdmember; the household size counts them plus the beneficiary. */
  export async function countMembers(beneficiaryId: string): Promise<number> {
    const result = await Xrm.WebApi.retrieveMultipleRecords("taz_householdmember",
      `?$select=taz_householdmemberid&$filter=_taz_beneficiaryid_value eq ${C.bareId(beneficiaryId)}&$top=51`);
    return result.entities.length;
  }

  export async function showHouseholdConsistency(form: Xrm.FormContext): Promise<boolean> {
    const size = C.value<number>(form, "taz_householdsize");
    if (C.isCreate(form) || size === null || size < 1) {
      C.formNotice(form, "taz_household", null, "WARNING");
      return true;
    }
    let expected: number;
    try {
      expected = (await countMembers(form.data.entity.getId())) + 1;
    } catch {
      // Without read access to household members the comparison cannot be made; it is a notice, never a block.
      C.formNotice(form, "taz_household", null, "WARNING");
      return true;
    }
    const consistent = expected === size;
    C.formNotice(form, "taz_household", consistent ? null : C.message("S2.HouseholdMismatch", size, expected), "WARNING");
    return consistent;
  }
}
