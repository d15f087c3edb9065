// The web resources built here: the three form libraries (docs/contracts.md, "Form script handlers") and
// the T1–T3 reference page the staff app's site map opens. Each script bundles src/common and src/<name>.
const scripts = [
  {
    name: "supportrequest",
    folder: "scripts",
    namespace: "Taazeez.SupportRequest",
    webResourceId: "{3b0f0f0e-5d54-4a8e-9b65-0c6f1b2d7a01}",
    displayName: "سكربت نموذج طلب الدعم | Support request form script",
    description: "شريط دورة حياة الطلب ولوحة الإقرار وفحوص البيانات | Lifecycle banner, declaration panel and data checks",
  },
  {
    name: "beneficiary",
    folder: "scripts",
    namespace: "Taazeez.Beneficiary",
    webResourceId: "{8a6c2d4e-1f3b-4c5d-9e7f-2a1b3c4d5e02}",
    displayName: "سكربت نموذج المستفيد | Beneficiary form script",
    description: "تنبيه التكرار واتساق عدد أفراد الأسرة وإشعار الموافقة | Duplicate warning, household size consistency and consent notice",
  },
  {
    name: "committeedecision",
    folder: "scripts",
    namespace: "Taazeez.CommitteeDecision",
    webResourceId: "{c4e5f6a7-8b9c-4d0e-a1f2-3b4c5d6e7f03}",
    displayName: "سكربت نموذج قرار اللجنة | Committee decision form script",
    description: "أسباب القرار إلزامية عند الرفض أو الموافقة الجزئية | Reasons required for rejection or partial approval",
  },
  {
    name: "reference",
    folder: "pages",
    namespace: "Taazeez.ReferencePage",
    webResourceId: "{0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f04}",
    displayName: "سكربت صفحة أدوات المرجع | Reference tools page script",
    description: "يعرض روابط الأدوات ت1–ت3 من متغيرات البيئة | Shows the T1–T3 tool links from the environment variables",
  },
];

/** Static files copied as they are, with their descriptor. */
export const pages = [
  {
    file: "pages/reference.html",
    name: "reference",
    folder: "pages",
    type: 1,
    webResourceId: "{5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d05}",
    displayName: "صفحة أدوات المرجع ت1–ت3 | Reference tools page T1–T3",
    description: "اللائحة الأساسية ودليل البحث الاجتماعي ودليل سياسة الدعم | Bylaws, social research guide and support policy guide",
  },
];

export const forms = scripts;

/** Name of the web resource as FormXml and the site map reference it. */
export const libraryName = (item) => `taz_/${item.folder}/${item.name}.${item.type === 1 ? "html" : "js"}`;
