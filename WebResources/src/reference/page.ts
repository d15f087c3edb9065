// T1–T3 reference page: the site map opens taz_/pages/reference.html?data=T1|T2|T3 and the page links
// the document whose address the association keeps in an environment variable (changed without code).
namespace Taazeez.ReferencePage {
  import C = Taazeez.Common;

  export const documents: { readonly [id: string]: { readonly variable: string; readonly title: Messages.Key } } = {
    T1: { variable: "taz_BylawsUrl", title: "T1.BylawsTitle" },
    T2: { variable: "taz_ResearchGuideUrl", title: "T2.ResearchGuideTitle" },
    T3: { variable: "taz_SupportPolicyGuideUrl", title: "T3.SupportPolicyGuideTitle" },
  };

  export interface View { readonly title: string; readonly url: string | null; readonly note: string | null; readonly linkText: string; }

  /** What to show for the page's query string; only http(s) addresses become links. */
  export async function describe(search: string): Promise<View> {
    const id = (/[?&]data=([^&]*)/.exec(search)?.[1] ?? "").toUpperCase();
    const document = documents[id];
    const linkText = C.message("T.OpenDocument");
    if (!document) return { title: C.message("T.UnknownDocument"), url: null, note: null, linkText };
    const url = await C.environmentValue(document.variable);
    const usable = url !== null && /^https?:\/\//i.test(url);
    return { title: C.message(document.title), url: usable ? url : null, note: usable ? null : C.message("T.DocumentNotSet", document.variable), linkText };
  }

  export function render(view: View, page: Document): void {
    const lang = C.userLanguage();
    page.documentElement.lang = lang;
    page.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    page.title = view.title;
    (page.getElementById("title") as HTMLElement).textContent = view.title;
    (page.getElementById("note") as HTMLElement).textContent = view.note ?? "";
    const link = page.getElementById("link") as HTMLAnchorElement;
    link.hidden = view.url === null;
    if (view.url !== null) {
      link.href = view.url;
      link.textContent = view.linkText;
    }
  }

  /** Body onload: an HTML web resource reaches the client API through its parent window. */
  export async function onLoad(): Promise<void> {
    const host = window as unknown as { Xrm?: Xrm.XrmStatic; parent: { Xrm?: Xrm.XrmStatic } };
    if (!host.Xrm) host.Xrm = host.parent.Xrm;
    render(await describe(window.location.search), window.document);
  }
}
