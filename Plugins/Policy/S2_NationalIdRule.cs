namespace Taazeez.Crm.Policy
{
    /// <summary>S2: a Saudi national ID (starts with 1) or iqama (starts with 2) is 10 digits whose last digit is the
    /// Luhn check digit over the first nine (the scheme the Absher / NIC numbers use). The ID type, when given,
    /// must agree with the first digit.</summary>
    [PolicyClause("S2")]
    internal static class S2_NationalIdRule
    {
        public const string Column = "taz_nationalid";
        public const string IdTypeColumn = "taz_idtype";
        public const int NationalId = 826000001;
        public const int Iqama = 826000002;

        /// <summary>The violation, or null when the number is valid (an empty number is not this rule's concern).</summary>
        public static PolicyViolation? Check(string? number, int? idType)
        {
            if (string.IsNullOrEmpty(number)) return null;
            if (!HasValidShape(number!)) return new PolicyViolation(PolicyMessages.S2_NationalIdFormat);
            if (!HasValidCheckDigit(number!)) return new PolicyViolation(PolicyMessages.S2_NationalIdCheckDigit);
            if (idType.HasValue && idType.Value != TypeOf(number!)) return new PolicyViolation(PolicyMessages.S2_IdTypeMismatch);
            return null;
        }

        public static bool HasValidShape(string number)
        {
            if (number.Length != 10 || (number[0] != '1' && number[0] != '2')) return false;
            foreach (var c in number)
                if (c < '0' || c > '9') return false;
            return true;
        }

        /// <summary>Luhn: digits in odd positions (1st, 3rd, ... 9th) are doubled and their digits summed; with the
        /// other digits and the check digit the total is a multiple of ten.</summary>
        public static bool HasValidCheckDigit(string number)
        {
            var sum = 0;
            for (var i = 0; i < 10; i++)
            {
                var digit = number[i] - '0';
                if (i % 2 == 0)
                {
                    digit *= 2;
                    if (digit > 9) digit -= 9;
                }
                sum += digit;
            }
            return sum % 10 == 0;
        }

        /// <summary>taz_idtype implied by the first digit.</summary>
        public static int TypeOf(string number) => number[0] == '1' ? NationalId : Iqama;
    }
}
