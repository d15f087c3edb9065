using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Top, page size, page number and paging cookie as Dataverse applies them: at most 5000 rows per page
    /// (also without PageInfo), MoreRecords when rows remain, TotalRecordCount only when asked (-1 otherwise, capped
    /// at 5000 with TotalRecordCountLimitExceeded).</summary>
    internal static class ResultPaging
    {
        public const int MaxPageSize = 5000;

        public readonly record struct Window(int Start, int Count, int PageNumber);

        public static void Validate(QueryExpression query)
        {
            var paging = query.PageInfo;
            if (paging.Count < 0 || paging.PageNumber < 0)
                throw DataverseFaults.InvalidQuery("PageInfo.Count and PageInfo.PageNumber cannot be negative.");
            if (query.TopCount is { } top)
            {
                if (top < 0) throw DataverseFaults.InvalidQuery("TopCount cannot be negative.");
                if (top > MaxPageSize) throw DataverseFaults.InvalidQuery($"The top count {top} exceeds the maximum of {MaxPageSize}.");
                if (paging.Count > 0 || paging.PageNumber > 1)
                    throw DataverseFaults.InvalidQuery("The top count cannot be specified together with paging (PageInfo.Count/PageNumber).");
            }
        }

        /// <summary>How many leading rows of the sorted result Select can pick from: the top count, or the end of the
        /// requested page; null when a paging cookie may place the page anywhere, so the whole order is needed.</summary>
        public static int? Reach(QueryExpression query)
        {
            if (query.TopCount is { } top) return top;
            var paging = query.PageInfo;
            if (!string.IsNullOrWhiteSpace(paging.PagingCookie)) return null;
            var size = paging.Count <= 0 ? MaxPageSize : Math.Min(paging.Count, MaxPageSize);
            return (int)Math.Min(Math.Max(paging.PageNumber, 1) * (long)size, int.MaxValue);
        }

        /// <summary>Which rows of the sorted result the page holds. idOf gives a row's root id for the cookie.</summary>
        public static Window Select(QueryExpression query, int total, Func<int, Guid> idOf)
        {
            if (query.TopCount is { } top) return new Window(0, Math.Min(top, total), 1);
            var paging = query.PageInfo;
            var size = paging.Count <= 0 ? MaxPageSize : Math.Min(paging.Count, MaxPageSize);
            var page = Math.Max(paging.PageNumber, 1);
            var start = (page - 1) * (long)size;
            if (PagingCookie.Parse(paging.PagingCookie) is { } cookie)
            {
                // Resume from the cookie's boundary row when it is still there exactly once; otherwise count pages.
                if (cookie.Page == page - 1 && Single(total, idOf, cookie.Last) is { } last) start = last + 1;
                else if (cookie.Page == page + 1 && Single(total, idOf, cookie.First) is { } first) start = Math.Max(0, first - size);
            }
            var from = (int)Math.Min(start, total);
            return new Window(from, Math.Min(size, total - from), page);
        }

        private static int? Single(int total, Func<int, Guid> idOf, Guid id)
        {
            int? found = null;
            if (id == Guid.Empty) return null;
            for (var i = 0; i < total; i++)
                if (idOf(i) == id)
                {
                    if (found != null) return null;
                    found = i;
                }
            return found;
        }

        public static EntityCollection Collect(QueryExpression query, string entityName, int total, Window window, Func<int, Entity> project,
            Func<int, Guid>? idOf, string primaryKey)
        {
            var result = new EntityCollection { EntityName = entityName };
            for (var i = window.Start; i < window.Start + window.Count; i++) result.Entities.Add(project(i));
            result.MoreRecords = query.TopCount == null && window.Start + window.Count < total;
            if (idOf != null && window.Count > 0)
                result.PagingCookie = new PagingCookie(window.PageNumber, idOf(window.Start), idOf(window.Start + window.Count - 1)).ToXml(primaryKey);
            if (query.PageInfo.ReturnTotalRecordCount)
            {
                result.TotalRecordCount = Math.Min(total, MaxPageSize);
                result.TotalRecordCountLimitExceeded = total > MaxPageSize;
            }
            else result.TotalRecordCount = -1;
            return result;
        }
    }
}
