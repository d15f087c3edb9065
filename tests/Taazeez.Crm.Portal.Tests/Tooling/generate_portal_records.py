#!/usr/bin/env python3
"""Writes the Power Pages records of Portal/ in the `pac pages download` (standard data model) layout:
website, languages, web roles, site settings, page templates, web template records, web pages with
their Arabic and English content pages, content snippets and table permissions.
The Liquid sources (web-templates/*/*.webtemplate.source.html) are written by hand; this script only
writes their .webtemplate.yml records. Ids are uuid5 of a stable name, so re-running changes nothing."""
import os, sys, uuid, re, shutil
sys.path.insert(0, os.path.dirname(__file__))
from portal_texts import TEXTS, OPTIONS, STATUS

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "Portal"))
NS = uuid.UUID("5f0c2a9e-3a57-4d0e-9a3b-7a61c0de7a2e")
def gid(name): return str(uuid.uuid5(NS, name))

def q(v):
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, int): return str(v)
    if isinstance(v, list): return "[" + ", ".join(q(x) for x in v) + "]"
    s = str(v)
    return "'" + s.replace("'", "''") + "'"

def record(d): return "".join(f"{k}: {q(d[k])}\n" for k in sorted(d))
def records(items): return "".join("- " + record(d).replace("\n", "\n  ").rstrip(" ") for d in items)
def write(rel, text):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f: f.write(text)

LANGS = [  # (code, lcid, display name) - Arabic first: it is the site's default language
    ("ar-SA", 1025, "العربية"),
    ("en-US", 1033, "English"),
]
WEBSITE = gid("website")
PUBLISHED = gid("publishingstate/Published")
def wslang(code): return gid("websitelanguage/" + code)
def plang(code): return gid("portallanguage/" + code)

ROLE_AUTH, ROLE_ANON, ROLE_BENEF = gid("webrole/Authenticated Users"), gid("webrole/Anonymous Users"), gid("webrole/Beneficiary")

# (folder, record name, partial url, web template name, parent folder)
PAGES = [
    ("home", "Home", "/", "Taz Home", None),
    ("my-file", "My File", "my-file", "Taz Profile", "home"),
    ("apply", "Apply", "apply", "Taz Apply", "home"),
    ("my-requests", "My Requests", "my-requests", "Taz My Requests", "home"),
    ("request", "Request", "request", "Taz Request Details", "my-requests"),
    ("survey", "Survey", "survey", "Taz Survey", "home"),
    ("feedback", "Feedback", "feedback", "Taz Feedback", "home"),
    ("volunteer", "Volunteer", "volunteer", "Taz Volunteer", "home"),
    ("contact", "Contact", "contact", "Taz Contact", "home"),
]
PAGE_TITLES = {"home": "Taz/Home/Title", "my-file": "Taz/Profile/Title", "apply": "Taz/Apply/Title",
               "my-requests": "Taz/Requests/Title", "request": "Taz/Request/Title", "survey": "Taz/Survey/Title",
               "feedback": "Taz/Feedback/Title", "volunteer": "Taz/Volunteer/Title", "contact": "Taz/Contact/Title"}
PARTIAL_TEMPLATES = ["Taz Page Start", "Taz Page End", "Taz Header", "Taz Footer", "Taz Form Script", "Taz Options", "Taz Beneficiary Fields"]

# Columns the Web API may write per table (site settings Webapi/<table>/fields); the tests check that
# they exist in Solution/src and that the templates write nothing else.
WEBAPI_FIELDS = {
    "taz_beneficiary": ["taz_name", "taz_nationalid", "taz_idtype", "taz_nationality", "taz_gender", "taz_birthdate",
                        "taz_mobile", "taz_email", "taz_contactmethod", "taz_governorate", "taz_district", "taz_address",
                        "taz_maritalstatus", "taz_householdsize", "taz_monthlyincome", "taz_housingtype",
                        "taz_pdplconsent", "taz_pdplconsenton", "taz_pdplconsentversion", "taz_portalcontactid", "taz_channel"],
    "taz_householdmember": ["taz_name", "taz_relationship", "taz_nationalid", "taz_birthdate", "taz_gender",
                            "taz_monthlyincome", "taz_hasdisability", "taz_beneficiaryid"],
    "taz_supportrequest": ["taz_supporttype", "taz_amountrequested", "taz_description", "taz_channel", "taz_beneficiaryid",
                           "taz_declarationsigned", "taz_declarationsignedby", "taz_declarationsignedon", "taz_declarationversion"],
    "annotation": ["subject", "filename", "mimetype", "documentbody", "objectid"],
    "taz_satisfactionsurvey": ["taz_courtesyscore", "taz_clarityscore", "taz_speedscore", "taz_overallscore",
                               "taz_recommendscore", "taz_comment", "taz_respondedon", "taz_channel"],
    "taz_feedback": ["taz_name", "taz_feedbacktype", "taz_details", "taz_channel", "taz_beneficiaryid"],
    "taz_portalnotification": ["taz_readon"],
}

def main():
    for sub in ["web-pages", "content-snippets", "table-permissions", "page-templates"]:
        shutil.rmtree(os.path.join(ROOT, sub), ignore_errors=True)
    write("website.yml", record({
        "adx_websiteid": WEBSITE, "adx_name": "Taazeez Beneficiary Portal",
        "adx_defaultlanguage": wslang("ar-SA"), "adx_website_language": 1025,
        "adx_headerwebtemplateid": gid("webtemplate/Taz Header"), "adx_footerwebtemplateid": gid("webtemplate/Taz Footer")}))
    write("websitelanguage.yml", records([{
        "adx_websitelanguageid": wslang(c), "adx_name": n, "adx_portallanguageid": plang(c), "adx_publishingstateid": PUBLISHED}
        for c, l, n in LANGS]))
    write(".portalconfig/portallanguage.yml", records([{
        "adx_portallanguageid": plang(c), "adx_name": n, "adx_displayname": n, "adx_languagecode": c, "adx_lcid": l, "adx_systemlanguage": l}
        for c, l, n in LANGS]))
    write("publishingstate.yml", records([{"adx_publishingstateid": PUBLISHED, "adx_name": "Published", "adx_isdefault": True, "adx_isvisible": True, "adx_displayorder": 1}]))
    write("webrole.yml", records([
        {"adx_webroleid": ROLE_AUTH, "adx_name": "Authenticated Users", "adx_authenticatedusersrole": True, "adx_anonymoususersrole": False,
         "adx_description": "Every signed-in contact: own contact, own beneficiary file and everything under it."},
        {"adx_webroleid": ROLE_ANON, "adx_name": "Anonymous Users", "adx_authenticatedusersrole": False, "adx_anonymoususersrole": True,
         "adx_description": "Visitors: public pages; may only create suggestions and volunteer applications, never read data."},
        {"adx_webroleid": ROLE_BENEF, "adx_name": "Beneficiary", "adx_authenticatedusersrole": False, "adx_anonymoususersrole": False,
         "adx_description": "Registered beneficiaries (assigned by staff): also rate delivered services and read portal notifications."},
    ]))
    settings = [("Webapi/error/innererror", "false"), ("Authentication/Registration/Enabled", "true"),
                ("Authentication/Registration/OpenRegistrationEnabled", "true"), ("Search/Enabled", "false"),
                ("Taazeez/DeclarationTextVersion", "2024.1"), ("Taazeez/PdplConsentVersion", "2024.1")]
    for table, fields in WEBAPI_FIELDS.items():
        settings += [(f"Webapi/{table}/enabled", "true"), (f"Webapi/{table}/fields", ",".join(fields))]
    write("sitesetting.yml", records([{"adx_sitesettingid": gid("sitesetting/" + n), "adx_name": n, "adx_value": v} for n, v in settings]))

    for name in PARTIAL_TEMPLATES + [p[3] for p in PAGES]:
        slug = name.lower().replace(" ", "-")
        write(f"web-templates/{slug}/{name.replace(' ', '-')}.webtemplate.yml", record({"adx_webtemplateid": gid("webtemplate/" + name), "adx_name": name}))
    for _, _, _, tname, _ in PAGES:
        write(f"page-templates/{tname.replace(' ', '-')}.pagetemplate.yml", record({
            "adx_pagetemplateid": gid("pagetemplate/" + tname), "adx_name": tname, "adx_type": 756150001,
            "adx_webtemplateid": gid("webtemplate/" + tname), "adx_usewebsiteheaderandfooter": False, "adx_isdefault": False}))

    for folder, name, url, tname, parent in PAGES:
        base = {"adx_name": name, "adx_partialurl": url, "adx_pagetemplateid": gid("pagetemplate/" + tname),
                "adx_publishingstateid": PUBLISHED, "adx_hiddenfromsitemap": False, "adx_excludefromsearch": folder in ("request", "apply", "my-file"),
                "adx_enablerating": False, "adx_enabletracking": False, "adx_sharedpageconfiguration": True, "adx_displayorder": [p[0] for p in PAGES].index(folder)}
        if parent: base["adx_parentpageid"] = gid("webpage/" + parent)
        fname = name.replace(" ", "-")
        write(f"web-pages/{folder}/{fname}.webpage.yml", record(dict(base, adx_webpageid=gid("webpage/" + folder), adx_isroot=True, adx_title=TEXTS[PAGE_TITLES[folder]][0])))
        for i, (code, lcid, _) in enumerate(LANGS):
            write(f"web-pages/{folder}/content-pages/{fname}.{code}.webpage.yml", record(dict(base,
                adx_webpageid=gid(f"webpage/{folder}/{code}"), adx_isroot=False, adx_rootwebpageid=gid("webpage/" + folder),
                adx_webpagelanguageid=wslang(code), adx_title=TEXTS[PAGE_TITLES[folder]][i])))

    snippets = dict(TEXTS)
    for optionset, labels in OPTIONS.items():
        for n, pair in enumerate(labels, start=1):
            snippets[f"Taz/Option/{optionset}/{826000000 + n}"] = pair
    for value, pair in STATUS.items():
        snippets[f"Taz/Status/{value}"] = pair
    for key, pair in snippets.items():
        slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
        for i, (code, lcid, _) in enumerate(LANGS):
            fname = key.replace("/", "-")
            write(f"content-snippets/{slug}/{fname}.{code}.contentsnippet.yml", record({
                "adx_contentsnippetid": gid(f"snippet/{key}/{code}"), "adx_name": key,
                "adx_contentsnippetlanguageid": wslang(code), "adx_type": 756150001 if "<" in pair[i] else 756150000}))
            write(f"content-snippets/{slug}/{fname}.{code}.contentsnippet.value.html", pair[i])

    both = [ROLE_AUTH, ROLE_BENEF]
    perms = [  # (name, table, scope, parent, relationship, flags, roles)
        ("Taz Own Contact", "contact", 756150004, None, None, "rw", [ROLE_AUTH]),
        ("Taz Own Beneficiary File", "taz_beneficiary", 756150001, None, "taz_contact_beneficiary_portalcontactid", "crwaA", both),
        ("Taz Own Household Members", "taz_householdmember", 756150003, "Taz Own Beneficiary File", "taz_beneficiary_householdmember_beneficiaryid", "crwdaA", both),
        ("Taz Own Support Requests", "taz_supportrequest", 756150003, "Taz Own Beneficiary File", "taz_beneficiary_supportrequest_beneficiaryid", "crwaA", both),
        ("Taz Own Request Documents", "annotation", 756150003, "Taz Own Support Requests", "taz_supportrequest_Annotations", "cra", both),
        ("Taz Own Satisfaction Surveys", "taz_satisfactionsurvey", 756150003, "Taz Own Beneficiary File", "taz_beneficiary_satisfactionsurvey_beneficiaryid", "rw", [ROLE_BENEF]),
        ("Taz Own Portal Notifications", "taz_portalnotification", 756150003, "Taz Own Beneficiary File", "taz_beneficiary_portalnotification_beneficiaryid", "rw", both),
        ("Taz Own Feedback", "taz_feedback", 756150003, "Taz Own Beneficiary File", "taz_beneficiary_feedback_beneficiaryid", "cra", both),
        ("Taz Public Feedback Create Only", "taz_feedback", 756150000, None, None, "c", [ROLE_ANON, ROLE_AUTH]),
    ]
    for name, table, scope, parent, rel, flags, roles in perms:
        d = {"adx_entitypermissionid": gid("tablepermission/" + name), "adx_entityname": name, "adx_entitylogicalname": table,
             "adx_scope": scope, "adx_read": "r" in flags, "adx_write": "w" in flags, "adx_create": "c" in flags,
             "adx_delete": "d" in flags, "adx_append": "a" in flags, "adx_appendto": "A" in flags, "adx_entitypermission_webrole": roles}
        if scope == 756150001: d["adx_contactrelationship"] = rel
        if scope == 756150003:
            d["adx_parententitypermission"] = gid("tablepermission/" + parent)
            d["adx_parentrelationship"] = rel
        write(f"table-permissions/{name.replace(' ', '-')}.tablepermission.yml", record(d))

if __name__ == "__main__":
    main()
