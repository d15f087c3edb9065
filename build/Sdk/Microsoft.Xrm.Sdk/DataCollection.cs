using System;
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
    /// <remarks>Entries (key, value) sit in insertion order in one array sized to what the collection holds, and a
    /// lookup scans them. An entity has tens of attributes and a request a few parameters: a hash table per
    /// collection weighed more than the row it held and cost five allocations where this costs one. Attribute names
    /// are mostly the same literal strings, so most comparisons end at the reference or the length.</remarks>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private static readonly IEqualityComparer<TKey> Comparer = EqualityComparer<TKey>.Default;
        private Entry[] _entries = System.Array.Empty<Entry>();
        private int _count;
        private int _version;

        private struct Entry
        {
            public TKey Key;
            public TValue Value;
        }

        public TValue this[TKey key]
        {
            get
            {
                var at = IndexOf(key);
                if (at < 0) throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
                return _entries[at].Value;
            }
            set
            {
                var at = IndexOf(key);
                if (at >= 0) _entries[at].Value = value;
                else Append(key, value);
            }
        }

        public int Count => _count;
        public ICollection<TKey> Keys => new KeyView(this);
        public ICollection<TValue> Values => new ValueView(this);
        public virtual bool IsReadOnly => false;

        public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            if (_count == 0 && items is DataCollection<TKey, TValue> source)
            {
                // an empty collection filled from another: take its entries as they are. A first fill is sized
                // exactly; a refill that outgrows the array leaves room to grow again (a row that gains columns over
                // its life would otherwise leave an array behind at every save)
                if (source._count > _entries.Length)
                    System.Array.Resize(ref _entries, _entries.Length == 0 ? source._count : Math.Max(source._count, _entries.Length + _entries.Length / 2));
                System.Array.Copy(source._entries, _entries, source._count);
                _count = source._count;
                _version++;
                return;
            }
            // Filling from a collection of known size: size the array once instead of growing it.
            var known = items is DataCollection<TKey, TValue> collection ? collection.Count
                : items is ICollection<KeyValuePair<TKey, TValue>> list ? list.Count : 0;
            if (_count + known > _entries.Length) System.Array.Resize(ref _entries, _count + known);
            foreach (var item in items) Add(item);
        }

        public void Add(TKey key, TValue value)
        {
            if (IndexOf(key) >= 0) throw new ArgumentException($"An item with the same key has already been added. Key: {key}");
            Append(key, value);
        }

        public void Clear()
        {
            System.Array.Clear(_entries, 0, _count);
            _count = 0;
            _version++;
        }

        public bool Contains(TKey key) => IndexOf(key) >= 0;

        public bool Contains(KeyValuePair<TKey, TValue> key)
        {
            var at = IndexOf(key.Key);
            return at >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[at].Value, key.Value);
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            var at = IndexOf(key);
            value = at >= 0 ? _entries[at].Value : default(TValue);
            return at >= 0;
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || array.Length - arrayIndex < _count) throw new ArgumentException("The destination array is too small.");
            for (var i = 0; i < _count; i++) array[arrayIndex + i] = new KeyValuePair<TKey, TValue>(_entries[i].Key, _entries[i].Value);
        }

        public bool ContainsKey(TKey key) => IndexOf(key) >= 0;

        public bool Remove(TKey key)
        {
            var at = IndexOf(key);
            if (at < 0) return false;
            RemoveAt(at);
            return true;
        }

        public bool Remove(KeyValuePair<TKey, TValue> item)
        {
            var at = IndexOf(item.Key);
            if (at < 0 || !EqualityComparer<TValue>.Default.Equals(_entries[at].Value, item.Value)) return false;
            RemoveAt(at);
            return true;
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            var version = _version;
            for (var i = 0; i < _count; i++)
            {
                if (version != _version) throw Modified();
                yield return new KeyValuePair<TKey, TValue>(_entries[i].Key, _entries[i].Value);
            }
            if (version != _version) throw Modified();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static InvalidOperationException Modified() =>
            new InvalidOperationException("Collection was modified; enumeration operation may not execute.");

        private int IndexOf(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            var entries = _entries;
            if (key is string name)
            {
                // ordinal, without the generic comparer's indirection: a reference or a length settles most
                for (var at = 0; at < _count; at++)
                    if (string.Equals(name, entries[at].Key as string)) return at;
                return -1;
            }
            for (var at = 0; at < _count; at++)
                if (Comparer.Equals(entries[at].Key, key)) return at;
            return -1;
        }

        private void Append(TKey key, TValue value)
        {
            if (_count == _entries.Length) System.Array.Resize(ref _entries, _count == 0 ? 4 : _count * 2);
            _entries[_count].Key = key;
            _entries[_count].Value = value;
            _count++;
            _version++;
        }

        private void RemoveAt(int at)
        {
            _count--;
            System.Array.Copy(_entries, at + 1, _entries, at, _count - at);
            _entries[_count] = default(Entry);
            _version++;
        }

        /// <summary>Keys: a read-only live view, as a dictionary's key collection is.</summary>
        private sealed class KeyView : View<TKey>
        {
            public KeyView(DataCollection<TKey, TValue> owner) : base(owner) { }
            protected override TKey At(int index) => Owner._entries[index].Key;
        }

        /// <summary>Values: a read-only live view, as a dictionary's value collection is.</summary>
        private sealed class ValueView : View<TValue>
        {
            public ValueView(DataCollection<TKey, TValue> owner) : base(owner) { }
            protected override TValue At(int index) => Owner._entries[index].Value;
        }

        private abstract class View<T> : ICollection<T>
        {
            protected View(DataCollection<TKey, TValue> owner) => Owner = owner;

            protected DataCollection<TKey, TValue> Owner { get; }
            protected abstract T At(int index);

            public int Count => Owner._count;
            public bool IsReadOnly => true;

            public bool Contains(T item)
            {
                for (var i = 0; i < Owner._count; i++)
                    if (EqualityComparer<T>.Default.Equals(At(i), item)) return true;
                return false;
            }

            public void CopyTo(T[] array, int arrayIndex)
            {
                for (var i = 0; i < Owner._count; i++) array[arrayIndex + i] = At(i);
            }

            public IEnumerator<T> GetEnumerator()
            {
                var version = Owner._version;
                for (var i = 0; i < Owner._count; i++)
                {
                    if (version != Owner._version) throw Modified();
                    yield return At(i);
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            public void Add(T item) => throw ReadOnly();
            public void Clear() => throw ReadOnly();
            public bool Remove(T item) => throw ReadOnly();

            private static NotSupportedException ReadOnly() =>
                new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");
        }
    }
}
