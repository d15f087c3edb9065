// The three form libraries: what each bundles, where it is published and how the solution names it.
// Keep in step with docs/contracts.md ("Form script handlers").
export const forms = [
  {
    name: "supportrequest",
    namespace: "Taazeez.SupportRequest",
    entity: "taz_supportrequest",
    webResourceId: "{3b0f0f0e-5d54-4a8e-9b65-0c6f1b2d7a01}",
    displayName: "سكربت نموذج طلب الدعم | Support request form script",
    description: "شريط دورة حياة الطلب ولوحة الإقرار وفحوص البيانات | Lifecycle banner, declaration panel and data checks",
  },
  {
    name: "beneficiary",
    namespace: "Taazeez.Beneficiary",
    entity: "taz_beneficiary",
    webResourceId: "{8a6c2d4e-1f3b-4c5d-9e7f-2a1b3c4d5e02}",
    displayName: "سكربت نموذج المستفيد | Beneficiary form script",
    description: "تنبيه التكرار واتساق عدد أفراد الأسرة وإشعار الموافقة | Duplicate warning, household size consistency and consent notice",
  },
  {
    name: "committeedecision",
    namespace: "Taazeez.CommitteeDecision",
    entity: "taz_committeedecision",
    webResourceId: "{c4e5f6a7-8b9c-4d0e-a1f2-3b4c5d6e7f03}",
    displayName: "سكربت نموذج قرار اللجنة | Committee decision form script",
    description: "أسباب القرار إلزامية عند الرفض أو الموافقة الجزئية | Reasons required for rejection or partial approval",
  },
];

/** Name of the web resource as FormXml references it. */
export const libraryName = (form) => `taz_/scripts/${form.name}.js`;
