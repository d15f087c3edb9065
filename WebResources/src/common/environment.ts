// Environment variables (docs/data-model.md): the current value overrides the definition's default.
namespace Taazeez.Common {
  export async function environmentValue(schemaName: string): Promise<string | null> {
    const result = await Xrm.WebApi.retrieveMultipleRecords("environmentvariabledefinition",
      `?$select=schemaname,defaultvalue&$filter=schemaname eq '${schemaName}'`
      + "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)");
    const definition = result.entities[0];
    if (!definition) return null;
    const values = (definition["environmentvariabledefinition_environmentvariablevalue"] ?? []) as Array<{ value?: string | null }>;
    const value = values.length > 0 ? values[0].value ?? null : null;
    if (!blank(value)) return (value as string).trim();
    const fallback = definition["defaultvalue"] as string | null | undefined;
    return blank(fallback ?? null) ? null : (fallback as string).trim();
  }
}
