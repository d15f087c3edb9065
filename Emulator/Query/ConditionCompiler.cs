using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Turns filters into predicates once per query: values are coerced to the column type, LIKE patterns
    /// compiled and date ranges computed up front, so the per-row work is a comparison. Null compares like SQL:
    /// only Null/NotNull match a missing value (NotEqual, NotIn, NotLike skip nulls, as Dataverse does).</summary>
    internal sealed class ConditionCompiler
    {
        private readonly BoundQuery _query;
        private readonly DateTime _utcNow;
        private readonly Guid _callerUserId;

        public ConditionCompiler(BoundQuery query, DateTime utcNow, Guid callerUserId)
        {
            _query = query;
            _utcNow = utcNow;
            _callerUserId = callerUserId;
        }

        public Func<JoinedRow, bool> Filter(FilterExpression filter, BoundSource scope)
        {
            var parts = filter.Conditions.Select(c => Condition(c, scope))
                .Concat(filter.Filters.Select(f => Filter(f, scope)))
                .ToArray();
            if (parts.Length == 0) return _ => true;
            if (parts.Length == 1) return parts[0];
            return filter.FilterOperator == LogicalOperator.Or
                ? row => { foreach (var p in parts) if (p(row)) return true; return false; }
                : row => { foreach (var p in parts) if (!p(row)) return false; return true; };
        }

        public Func<JoinedRow, bool> Condition(ConditionExpression condition, BoundSource scope)
        {
            var source = _query.Resolve(condition.EntityName, scope);
            var column = source.Column(condition.AttributeName);
            var table = source.Table.LogicalName;
            var name = column.LogicalName;
            object? Read(JoinedRow row) => QueryValues.Normalize(row.Value(source, name));
            var values = QueryValues.Flatten(condition.Values);
            var op = condition.Operator;

            if (condition.CompareColumns) return CompareColumns(condition, source, column, values);

            void Expect(int count)
            {
                if (values.Count != count)
                    throw DataverseFaults.InvalidQuery(
                        $"Condition for attribute '{table}.{name}': the operator {op} expects {count} value(s) but received {values.Count}.");
            }
            object? Single() { Expect(1); return QueryValues.Coerce(values[0], column, table); }

            switch (op)
            {
                case ConditionOperator.Null: Expect(0); return row => Read(row) == null;
                case ConditionOperator.NotNull: Expect(0); return row => Read(row) != null;
                case ConditionOperator.Equal: { var v = Single(); return row => QueryValues.AreEqual(Read(row), v); }
                case ConditionOperator.NotEqual: { var v = Single(); return row => Read(row) is { } x && !QueryValues.AreEqual(x, v); }
                case ConditionOperator.In:
                case ConditionOperator.NotIn:
                {
                    if (values.Count == 0) throw DataverseFaults.InvalidQuery($"Condition for attribute '{table}.{name}': the operator {op} needs at least one value.");
                    var set = new HashSet<object>(values.Select(v => QueryValues.Coerce(v, column, table)).Where(v => v != null).Select(v => Key(v!)));
                    return op == ConditionOperator.In
                        ? row => Read(row) is { } x && set.Contains(Key(x))
                        : row => Read(row) is { } x && !set.Contains(Key(x));
                }
                case ConditionOperator.GreaterThan: { var v = Single(); return row => Read(row) is { } x && QueryValues.Compare(x, v) > 0; }
                case ConditionOperator.GreaterEqual: { var v = Single(); return row => Read(row) is { } x && QueryValues.Compare(x, v) >= 0; }
                case ConditionOperator.LessThan: { var v = Single(); return row => Read(row) is { } x && QueryValues.Compare(x, v) < 0; }
                case ConditionOperator.LessEqual: { var v = Single(); return row => Read(row) is { } x && QueryValues.Compare(x, v) <= 0; }
                case ConditionOperator.Between:
                case ConditionOperator.NotBetween:
                {
                    Expect(2);
                    var low = QueryValues.Coerce(values[0], column, table);
                    var high = QueryValues.Coerce(values[1], column, table);
                    bool Inside(object x) => QueryValues.Compare(x, low) >= 0 && QueryValues.Compare(x, high) <= 0;
                    return op == ConditionOperator.Between
                        ? row => Read(row) is { } x && Inside(x)
                        : row => Read(row) is { } x && !Inside(x);
                }
                case ConditionOperator.Like: return Like(Text(), false, "", "");
                case ConditionOperator.NotLike: return Like(Text(), true, "", "");
                case ConditionOperator.BeginsWith: return Like(Text(), false, "", "%");
                case ConditionOperator.DoesNotBeginWith: return Like(Text(), true, "", "%");
                case ConditionOperator.EndsWith: return Like(Text(), false, "%", "");
                case ConditionOperator.DoesNotEndWith: return Like(Text(), true, "%", "");
                // Dataverse's Contains is full-text search; a substring match is the closest in-memory answer.
                case ConditionOperator.Contains: return Like(Text(), false, "%", "%");
                case ConditionOperator.DoesNotContain: return Like(Text(), true, "%", "%");
                case ConditionOperator.On:
                case ConditionOperator.NotOn:
                case ConditionOperator.OnOrBefore:
                case ConditionOperator.OnOrAfter:
                {
                    if (Single() is not DateTime day)
                        throw DataverseFaults.InvalidConditionValue(table, name, column.Type, Convert.ToString(values[0], CultureInfo.InvariantCulture) ?? "");
                    var date = day.Date;
                    return op switch
                    {
                        ConditionOperator.On => row => Read(row) is DateTime x && x.Date == date,
                        ConditionOperator.NotOn => row => Read(row) is DateTime x && x.Date != date,
                        ConditionOperator.OnOrBefore => row => Read(row) is DateTime x && x.Date <= date,
                        _ => row => Read(row) is DateTime x && x.Date >= date,
                    };
                }
                case ConditionOperator.EqualUserId: Expect(0); return row => Read(row) is Guid id && id == _callerUserId;
                case ConditionOperator.NotEqualUserId: Expect(0); return row => Read(row) is Guid id && id != _callerUserId;
                case ConditionOperator.ContainValues:
                case ConditionOperator.DoesNotContainValues:
                {
                    if (values.Count == 0) throw DataverseFaults.InvalidQuery($"Condition for attribute '{table}.{name}': the operator {op} needs at least one value.");
                    var wanted = values.Select(v => (int)(decimal)QueryValues.Coerce(v, column with { Type = "picklist" }, table)!).ToHashSet();
                    bool Any(JoinedRow row) => row.Value(source, name) is OptionSetValueCollection chosen && chosen.Any(o => wanted.Contains(o.Value));
                    return op == ConditionOperator.ContainValues ? Any : row => row.Value(source, name) is OptionSetValueCollection && !Any(row);
                }
            }

            if (DateRanges.Fixed(op, _utcNow) is { } fixedRange)
            {
                Expect(0);
                return row => Read(row) is DateTime x && fixedRange.Contains(x);
            }
            if (DateRanges.Relative(op, 0, _utcNow) != null)
            {
                Expect(1);
                var text = Convert.ToString(QueryValues.Normalize(values[0]), CultureInfo.InvariantCulture);
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) || x < 0)
                    throw DataverseFaults.InvalidQuery($"Condition for attribute '{table}.{name}': the operator {op} expects a whole number of units, not '{text}'.");
                var range = DateRanges.Relative(op, x, _utcNow)!.Value;
                return row => Read(row) is DateTime value && range.Contains(value);
            }
            throw DataverseFaults.NotSupportedByEmulator($"the condition operator '{op}'");

            string Text()
            {
                Expect(1);
                return Convert.ToString(QueryValues.Normalize(values[0]), CultureInfo.InvariantCulture) ?? "";
            }

            Func<JoinedRow, bool> Like(string pattern, bool negate, string prefix, string suffix)
            {
                var regex = LikePattern.ToRegex(prefix + pattern + suffix);
                return row =>
                {
                    var x = Read(row);
                    if (x == null) return false;
                    var matches = regex.IsMatch(Convert.ToString(x, CultureInfo.InvariantCulture) ?? "");
                    return negate ? !matches : matches;
                };
            }
        }

        private Func<JoinedRow, bool> CompareColumns(ConditionExpression condition, BoundSource source, ColumnMetadata column, List<object?> values)
        {
            if (values.Count != 1)
                throw DataverseFaults.InvalidQuery($"Condition for attribute '{source.Table.LogicalName}.{column.LogicalName}': a column comparison needs exactly one other column.");
            var (otherSource, otherColumn) = _query.ResolveColumnReference(values[0] as string, source);
            object? Left(JoinedRow row) => QueryValues.Normalize(row.Value(source, column.LogicalName));
            object? Right(JoinedRow row) => QueryValues.Normalize(row.Value(otherSource, otherColumn.LogicalName));
            Func<int, bool> accept = condition.Operator switch
            {
                ConditionOperator.Equal => c => c == 0,
                ConditionOperator.NotEqual => c => c != 0,
                ConditionOperator.GreaterThan => c => c > 0,
                ConditionOperator.GreaterEqual => c => c >= 0,
                ConditionOperator.LessThan => c => c < 0,
                ConditionOperator.LessEqual => c => c <= 0,
                _ => throw DataverseFaults.NotSupportedByEmulator($"column comparison with the operator '{condition.Operator}'"),
            };
            return row => Left(row) is { } l && Right(row) is { } r
                && accept(l is string && r is string ? (QueryValues.AreEqual(l, r) ? 0 : QueryValues.Compare(l, r)) : QueryValues.Compare(l, r));
        }

        // Set membership with Dataverse's text equality (case-insensitive, trailing spaces ignored).
        private static object Key(object value) => value is string s ? s.TrimEnd(' ').ToUpperInvariant() : value;
    }
}
