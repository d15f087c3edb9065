namespace Taazeez.Crm.Policy
{
    /// <summary>S2: a Saudi mobile number is stored as +9665 followed by eight digits (taz_mobile, 13 characters).</summary>
    [PolicyClause("S2")]
    internal static class S2_MobileRule
    {
        public const string Column = "taz_mobile";

        public static PolicyViolation? Check(string? mobile)
        {
            if (string.IsNullOrEmpty(mobile)) return null;
            return IsValid(mobile!) ? null : new PolicyViolation(PolicyMessages.S2_MobileFormat);
        }

        public static bool IsValid(string mobile)
        {
            if (mobile.Length != 13 || !mobile.StartsWith("+9665", System.StringComparison.Ordinal)) return false;
            for (var i = 5; i < 13; i++)
                if (mobile[i] < '0' || mobile[i] > '9') return false;
            return true;
        }
    }
}
