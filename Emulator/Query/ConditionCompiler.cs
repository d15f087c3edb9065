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

        private static readonly Func<JoinedRow, bool> Always = _ => true;

        /// <param name="last">A condition of an And filter to test after the others: the one whose index gave the
        /// candidate rows, which nearly all of them pass, so a row another condition drops costs one read less.</param>
        public Func<JoinedRow, bool> Filter(FilterExpression filter, BoundSource scope, ConditionExpression? last = null)
        {
            var count = filter.Conditions.Count + filter.Filters.Count;
            if (count == 0) return Always;
            if (count == 1) return filter.Conditions.Count == 1 ? Condition(filter.Conditions[0], scope) : Filter(filter.Filters[0], scope);
            var parts = new Func<JoinedRow, bool>[count];
            var n = 0;
            Func<JoinedRow, bool>? deferred = null;
            for (var i = 0; i < filter.Conditions.Count; i++)
            {
                var condition = filter.Conditions[i];
                var part = Condition(condition, scope);
                if (ReferenceEquals(condition, last) && filter.FilterOperator == LogicalOperator.And && deferred == null) deferred = part;
                else parts[n++] = part;
            }
            for (var i = 0; i < filter.Filters.Count; i++) parts[n++] = Filter(filter.Filters[i], scope);
            if (deferred != null) parts[n] = deferred;
            if (count == 2)
            {
                var (first, second) = (parts[0], parts[1]);
                return filter.FilterOperator == LogicalOperator.Or ? row => first(row) || second(row) : row => first(row) && second(row);
            }
            return filter.FilterOperator == LogicalOperator.Or
                ? row => { foreach (var p in parts) if (p(row)) return true; return false; }
                : row => { foreach (var p in parts) if (!p(row)) return false; return true; };
        }

        /// <summary>True when the filter reads no source but the given one, so it can run before any link is joined.</summary>
        public bool ReadsOnly(FilterExpression filter, BoundSource scope, BoundSource only)
        {
            foreach (var condition in filter.Conditions)
            {
                var source = _query.Resolve(condition.EntityName, scope);
                if (source != only) return false;
                if (condition.CompareColumns)
                    foreach (var other in condition.Values)
                        if (_query.ResolveColumnReference(other as string, source).Source != only) return false;
            }
            foreach (var child in filter.Filters)
                if (!ReadsOnly(child, scope, only)) return false;
            return true;
        }

        public Func<JoinedRow, bool> Condition(ConditionExpression condition, BoundSource scope)
        {
            var source = _query.Resolve(condition.EntityName, scope);
            var column = source.Column(condition.AttributeName);
            var table = source.Table.LogicalName;
            var name = column.LogicalName;
            // Per row: the stored value as is (null-checked through StoredValues.IsNull), compared with the query's
            // values coerced and normalised once here.
            var reader = new ColumnReader(source, name);
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
                case ConditionOperator.Null: Expect(0); return row => StoredValues.IsNull(reader.Read(row));
                case ConditionOperator.NotNull: Expect(0); return row => !StoredValues.IsNull(reader.Read(row));
                case ConditionOperator.Equal:
                {
                    if (Single() is not { } v) return _ => false;
                    return row => reader.Read(row) is { } x && StoredValues.Equal(x, v);
                }
                case ConditionOperator.NotEqual:
                {
                    // Nothing equals a null value, so NotEqual null keeps every row that has a value.
                    if (Single() is not { } v) return row => !StoredValues.IsNull(reader.Read(row));
                    return row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && !StoredValues.Equal(x, v);
                }
                case ConditionOperator.In:
                case ConditionOperator.NotIn:
                {
                    if (values.Count == 0) throw DataverseFaults.InvalidQuery($"Condition for attribute '{table}.{name}': the operator {op} needs at least one value.");
                    var contains = ValueSet.Of(values, column, table);
                    return op == ConditionOperator.In
                        ? row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && contains(x)
                        : row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && !contains(x);
                }
                case ConditionOperator.GreaterThan: { var v = Single(); return row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && Compare(x, v) > 0; }
                case ConditionOperator.GreaterEqual: { var v = Single(); return row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && Compare(x, v) >= 0; }
                case ConditionOperator.LessThan: { var v = Single(); return row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && Compare(x, v) < 0; }
                case ConditionOperator.LessEqual: { var v = Single(); return row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && Compare(x, v) <= 0; }
                case ConditionOperator.Between:
                case ConditionOperator.NotBetween:
                {
                    Expect(2);
                    var low = QueryValues.Coerce(values[0], column, table);
                    var high = QueryValues.Coerce(values[1], column, table);
                    bool Inside(object x) => Compare(x, low) >= 0 && Compare(x, high) <= 0;
                    return op == ConditionOperator.Between
                        ? row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && Inside(x)
                        : row => reader.Read(row) is { } x && !StoredValues.IsNull(x) && !Inside(x);
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
                        ConditionOperator.On => row => StoredValues.TryDate(reader.Read(row), out var x) && x.Date == date,
                        ConditionOperator.NotOn => row => StoredValues.TryDate(reader.Read(row), out var x) && x.Date != date,
                        ConditionOperator.OnOrBefore => row => StoredValues.TryDate(reader.Read(row), out var x) && x.Date <= date,
                        _ => row => StoredValues.TryDate(reader.Read(row), out var x) && x.Date >= date,
                    };
                }
                case ConditionOperator.EqualUserId: Expect(0); return row => StoredValues.TryGuid(reader.Read(row), out var id) && id == _callerUserId;
                case ConditionOperator.NotEqualUserId: Expect(0); return row => StoredValues.TryGuid(reader.Read(row), out var id) && id != _callerUserId;
                case ConditionOperator.ContainValues:
                case ConditionOperator.DoesNotContainValues:
                {
                    if (values.Count == 0) throw DataverseFaults.InvalidQuery($"Condition for attribute '{table}.{name}': the operator {op} needs at least one value.");
                    var wanted = values.Select(v => (int)(decimal)QueryValues.Coerce(v, column with { Type = "picklist" }, table)!).ToHashSet();
                    bool Any(JoinedRow row) => reader.Read(row) is OptionSetValueCollection chosen && chosen.Any(o => wanted.Contains(o.Value));
                    return op == ConditionOperator.ContainValues ? Any : row => reader.Read(row) is OptionSetValueCollection && !Any(row);
                }
            }

            if (DateRanges.Fixed(op, _utcNow) is { } fixedRange)
            {
                Expect(0);
                return row => StoredValues.TryDate(reader.Read(row), out var x) && fixedRange.Contains(x);
            }
            if (DateRanges.Relative(op, 0, _utcNow) != null)
            {
                Expect(1);
                var text = Convert.ToString(QueryValues.Normalize(values[0]), CultureInfo.InvariantCulture);
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) || x < 0)
                    throw DataverseFaults.InvalidQuery($"Condition for attribute '{table}.{name}': the operator {op} expects a whole number of units, not '{text}'.");
                var range = DateRanges.Relative(op, x, _utcNow)!.Value;
                return row => StoredValues.TryDate(reader.Read(row), out var value) && range.Contains(value);
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
                    var x = reader.Read(row);
                    if (StoredValues.IsNull(x)) return false;
                    var matches = regex.IsMatch(x as string ?? Convert.ToString(QueryValues.Normalize(x), CultureInfo.InvariantCulture) ?? "");
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

        // A null query value compares as QueryValues.Compare does: every stored value sorts after it.
        private static int Compare(object stored, object? value) => value == null ? 1 : StoredValues.Compare(stored, value);
    }
}
