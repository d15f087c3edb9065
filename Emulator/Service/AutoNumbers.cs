using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>Fills autonumber columns from their format: {SEQNUM:n} (a per-column sequence starting at 1000, as
    /// Dataverse seeds it), {DATETIMEUTC:format} and {RANDSTRING:n}.</summary>
    internal sealed class AutoNumbers
    {
        private const string RandomAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
        private readonly Random _random;

        public AutoNumbers(Random random) => _random = random;

        public string Next(string table, string column, string format, DateTime utcNow)
        {
            var key = table + "." + column;
            var next = _sequences.TryGetValue(key, out var last) ? last + 1 : 1000;
            _sequences[key] = next;
            return Regex.Replace(format, @"\{(SEQNUM|DATETIMEUTC|RANDSTRING):([^}]+)\}", match =>
            {
                var argument = match.Groups[2].Value;
                return match.Groups[1].Value switch
                {
                    "SEQNUM" => next.ToString(CultureInfo.InvariantCulture).PadLeft(int.Parse(argument, CultureInfo.InvariantCulture), '0'),
                    "DATETIMEUTC" => utcNow.ToString(argument, CultureInfo.InvariantCulture),
                    _ => RandomString(int.Parse(argument, CultureInfo.InvariantCulture)),
                };
            });
        }

        private string RandomString(int length)
        {
            var text = new StringBuilder(length);
            for (var i = 0; i < length; i++) text.Append(RandomAlphabet[_random.Next(RandomAlphabet.Length)]);
            return text.ToString();
        }
    }
}
