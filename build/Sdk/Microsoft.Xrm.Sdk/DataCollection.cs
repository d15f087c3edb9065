using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A list used throughout the SDK (entities, references, option values, requests).</summary>
    public class DataCollection<T> : Collection<T>, IReadOnlyList<T>
    {
        protected internal DataCollection() { }

        internal DataCollection(IList<T> list) : base(new List<T>(list)) { }

        public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    /// <summary>A keyed collection (attributes, parameters, images). The indexer adds or replaces on set
    /// and throws KeyNotFoundException on a missing key, like a dictionary.</summary>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private Dictionary<TKey, TValue> _items = new Dictionary<TKey, TValue>();

        public TValue this[TKey key]
        {
            get => _items[key];
            set => _items[key] = value;
        }

        public int Count => _items.Count;
        public ICollection<TKey> Keys => _items.Keys;
        public ICollection<TValue> Values => _items.Values;
        public virtual bool IsReadOnly => false;

        public void Add(KeyValuePair<TKey, TValue> item) => _items.Add(item.Key, item.Value);

        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            // Filling an empty collection from one of known size: size the table once instead of growing it.
            var known = items is DataCollection<TKey, TValue> collection ? collection.Count
                : items is ICollection<KeyValuePair<TKey, TValue>> list ? list.Count : 0;
            if (_items.Count == 0 && known > 0) _items = new Dictionary<TKey, TValue>(known);
            foreach (var item in items) Add(item);
        }

        public void Add(TKey key, TValue value) => _items.Add(key, value);
        public void Clear() => _items.Clear();
        public bool Contains(TKey key) => _items.ContainsKey(key);
        public bool Contains(KeyValuePair<TKey, TValue> key) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(key);
        public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);
        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);
        public bool ContainsKey(TKey key) => _items.ContainsKey(key);
        public bool Remove(TKey key) => _items.Remove(key);
        public bool Remove(KeyValuePair<TKey, TValue> item) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);
        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
