using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>S4: the applicant signs that the declared data (beneficiary, support type, amount, description) is
    /// correct and is responsible for it. The signature records who (taz_declarationsignedby), when (the operation
    /// time), which text (taz_declarationversion) and the SHA-256 of the declared data computed here. A request leaves
    /// draft only with a signature whose hash still matches; editing declared data afterwards voids the signature,
    /// returns the request to draft and records why in taz_declarationvoidreason.</summary>
    [PolicyClause("S4")]
    internal static class S4_DeclarationRule
    {
        public enum Outcome { None, Signed, Voided }

        /// <summary>Signs, voids or leaves the declaration as it is. <paramref name="statusAfter"/> is the status the caller asked for.</summary>
        public static Outcome Apply(RequestChange change, int statusBefore, int statusAfter, out List<string> changedDeclared)
        {
            changedDeclared = change.IsCreate ? new List<string>() : change.Changed(RequestColumns.Declared);
            var requested = PolicyValues.Bool(change.Target, RequestColumns.DeclarationSigned);
            var wasSigned = PolicyValues.Bool(change.Before, RequestColumns.DeclarationSigned) == true;

            if (requested == true && (change.IsCreate || !wasSigned || changedDeclared.Count > 0))
            {
                if (statusBefore != RequestStatus.Draft) throw new PolicyViolation(PolicyMessages.S4_SignOnlyInDraft).ToException();
                Sign(change);
                return Outcome.Signed;
            }
            if (!wasSigned || (changedDeclared.Count == 0 && requested != false)) return Outcome.None;

            var what = changedDeclared.Count > 0 ? string.Join(", ", changedDeclared) : RequestColumns.DeclarationSigned;
            if ((statusAfter != statusBefore && statusAfter != RequestStatus.Draft) || change.Target.Contains(RequestColumns.Decision) && PolicyValues.Option(change.Target, RequestColumns.Decision).HasValue)
                throw new PolicyViolation(PolicyMessages.S4_ChangeVoidsSignature, what).ToException();
            Void(change, what);
            return Outcome.Voided;
        }

        private static void Sign(RequestChange change)
        {
            var after = change.After;
            var signer = PolicyValues.Text(after, RequestColumns.DeclarationSignedBy);
            if (PolicyValues.IsBlank(signer)) throw new PolicyViolation(PolicyMessages.S4_SignerRequired).ToException();
            var version = PolicyValues.Text(after, RequestColumns.DeclarationVersion);
            if (PolicyValues.IsBlank(version)) throw new PolicyViolation(PolicyMessages.S4_DeclarationVersionRequired).ToException();
            var hash = Hash(after, signer!.Trim(), version!.Trim(), change.Now);
            change.Set(RequestColumns.DeclarationSigned, true);
            change.Set(RequestColumns.DeclarationSignedBy, signer.Trim());
            change.Set(RequestColumns.DeclarationVersion, version.Trim());
            change.Set(RequestColumns.DeclarationSignedOn, change.Now);
            change.Set(RequestColumns.DeclarationHash, hash);
            change.Set(RequestColumns.DeclarationVoidReason, null);
            change.Trace($"S4: declaration signed by '{signer.Trim()}' on {PolicyValues.Iso(change.Now)}, text {version.Trim()}, sha256 {hash}");
        }

        private static void Void(RequestChange change, string what)
        {
            var signedBy = PolicyValues.Text(change.Before, RequestColumns.DeclarationSignedBy) ?? "";
            var signedOn = PolicyValues.Date(change.Before, RequestColumns.DeclarationSignedOn);
            var reason = string.Format(CultureInfo.InvariantCulture, "{0} — {1} ({2:D}); signed: {3} {4}",
                what, PolicyValues.Iso(change.Now), change.CallerId, signedBy, signedOn.HasValue ? PolicyValues.Iso(signedOn.Value) : "");
            change.Set(RequestColumns.DeclarationSigned, false);
            change.Set(RequestColumns.DeclarationSignedOn, null);
            change.Set(RequestColumns.DeclarationHash, null);
            change.Set(RequestColumns.DeclarationVoidReason, reason);
            change.Trace("S4: declaration voided: " + reason);
        }

        /// <summary>True when the row after the change carries a signature whose hash matches its declared data.</summary>
        public static bool IsValid(Entity after)
        {
            if (PolicyValues.Bool(after, RequestColumns.DeclarationSigned) != true) return false;
            var signer = PolicyValues.Text(after, RequestColumns.DeclarationSignedBy);
            var version = PolicyValues.Text(after, RequestColumns.DeclarationVersion);
            var on = PolicyValues.Date(after, RequestColumns.DeclarationSignedOn);
            var hash = PolicyValues.Text(after, RequestColumns.DeclarationHash);
            if (PolicyValues.IsBlank(signer) || PolicyValues.IsBlank(version) || !on.HasValue || PolicyValues.IsBlank(hash)) return false;
            return string.Equals(hash, Hash(after, signer!.Trim(), version!.Trim(), on.Value), StringComparison.Ordinal);
        }

        /// <summary>SHA-256 (lower-case hex) of the canonical text of the declared data and the signature.</summary>
        public static string Hash(Entity after, string signer, string version, DateTime signedOn)
        {
            var text = new StringBuilder();
            text.Append(RequestColumns.Beneficiary).Append('=').Append(PolicyValues.Reference(after, RequestColumns.Beneficiary)?.Id.ToString("D") ?? "").Append('\n');
            text.Append(RequestColumns.SupportType).Append('=').Append(PolicyValues.Option(after, RequestColumns.SupportType)?.ToString(CultureInfo.InvariantCulture) ?? "").Append('\n');
            text.Append(RequestColumns.AmountRequested).Append('=').Append(PolicyValues.MoneyValue(after, RequestColumns.AmountRequested)?.ToString("0.00", CultureInfo.InvariantCulture) ?? "").Append('\n');
            text.Append(RequestColumns.Description).Append('=').Append((PolicyValues.Text(after, RequestColumns.Description) ?? "").Replace("\r\n", "\n")).Append('\n');
            text.Append("signedby=").Append(signer).Append('\n');
            text.Append("version=").Append(version).Append('\n');
            text.Append("signedon=").Append(PolicyValues.Iso(signedOn.Kind == DateTimeKind.Local ? signedOn.ToUniversalTime() : signedOn));
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                var hex = new StringBuilder(64);
                foreach (var b in bytes) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                return hex.ToString();
            }
        }
    }
}
