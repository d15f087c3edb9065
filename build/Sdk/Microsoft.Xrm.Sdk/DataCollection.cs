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
    /// <remarks>Entries sit in insertion order in three parallel arrays (hash, key, value) sized to what the
    /// collection holds, and a lookup scans the hashes. An entity has tens of attributes and a request a few
    /// parameters: a hash table per collection weighed more than the row it held.</remarks>
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    {
        private static readonly IEqualityComparer<TKey> Comparer = EqualityComparer<TKey>.Default;
        private int[] _hashes = System.Array.Empty<int>();
        private TKey[] _keys = System.Array.Empty<TKey>();
        private TValue[] _values = System.Array.Empty<TValue>();
        private int _count;
        private int _version;

        public TValue this[TKey key]
        {
            get
            {
                var at = IndexOf(key);
                if (at < 0) throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
                return _values[at];
            }
            set
            {
                var hash = Hash(key);
                var at = IndexOf(key, hash);
                if (at >= 0) _values[at] = value;
                else Append(hash, key, value);
            }
        }

        public int Count => _count;
        public ICollection<TKey> Keys => new View<TKey>(this, keys: true);
        public ICollection<TValue> Values => new View<TValue>(this, keys: false);
        public virtual bool IsReadOnly => false;

        public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            if (_count == 0 && items is DataCollection<TKey, TValue> source)
            {
                // an empty collection filled from another: take its entries as they are, without rehashing
                if (source._count > _keys.Length) Resize(source._count);
                System.Array.Copy(source._hashes, _hashes, source._count);
                System.Array.Copy(source._keys, _keys, source._count);
                System.Array.Copy(source._values, _values, source._count);
                _count = source._count;
                _version++;
                return;
            }
            // Filling from a collection of known size: size the arrays once instead of growing them.
            var known = items is DataCollection<TKey, TValue> collection ? collection.Count
                : items is ICollection<KeyValuePair<TKey, TValue>> list ? list.Count : 0;
            if (_count + known > _keys.Length) Resize(_count + known);
            foreach (var item in items) Add(item);
        }

        public void Add(TKey key, TValue value)
        {
            var hash = Hash(key);
            if (IndexOf(key, hash) >= 0) throw new ArgumentException($"An item with the same key has already been added. Key: {key}");
            Append(hash, key, value);
        }

        public void Clear()
        {
            System.Array.Clear(_keys, 0, _count);
            System.Array.Clear(_values, 0, _count);
            _count = 0;
            _version++;
        }

        public bool Contains(TKey key) => IndexOf(key) >= 0;

        public bool Contains(KeyValuePair<TKey, TValue> key)
        {
            var at = IndexOf(key.Key);
            return at >= 0 && EqualityComparer<TValue>.Default.Equals(_values[at], key.Value);
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            var at = IndexOf(key);
            value = at >= 0 ? _values[at] : default(TValue);
            return at >= 0;
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || array.Length - arrayIndex < _count) throw new ArgumentException("The destination array is too small.");
            for (var i = 0; i < _count; i++) array[arrayIndex + i] = new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
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
            if (at < 0 || !EqualityComparer<TValue>.Default.Equals(_values[at], item.Value)) return false;
            RemoveAt(at);
            return true;
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
        {
            var version = _version;
            for (var i = 0; i < _count; i++)
            {
                if (version != _version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                yield return new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
            }
            if (version != _version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static int Hash(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            // Column and parameter names: the length and three characters tell them apart well enough and cost
            // nothing to read (a full string hash costs more than the scan it saves); a collision costs one comparison.
            if (key is string name)
                return name.Length == 0 ? 0 : (name.Length << 20) ^ (name[name.Length - 1] << 10) ^ (name[name.Length >> 1] << 5) ^ name[(name.Length * 3) >> 2];
            return Comparer.GetHashCode(key);
        }

        private int IndexOf(TKey key) => IndexOf(key, Hash(key));

        private int IndexOf(TKey key, int hash)
        {
            var at = 0;
            var name = key as string; // names compare ordinally, without the generic comparer's indirection
            while ((at = System.Array.IndexOf(_hashes, hash, at, _count - at)) >= 0)
            {
                if (name != null ? string.Equals(name, _keys[at] as string) : Comparer.Equals(_keys[at], key)) return at;
                at++;
            }
            return -1;
        }

        private void Append(int hash, TKey key, TValue value)
        {
            if (_count == _keys.Length) Resize(_count == 0 ? 4 : _count * 2);
            _hashes[_count] = hash;
            _keys[_count] = key;
            _values[_count] = value;
            _count++;
            _version++;
        }

        private void RemoveAt(int at)
        {
            _count--;
            System.Array.Copy(_hashes, at + 1, _hashes, at, _count - at);
            System.Array.Copy(_keys, at + 1, _keys, at, _count - at);
            System.Array.Copy(_values, at + 1, _values, at, _count - at);
            _keys[_count] = default(TKey);
            _values[_count] = default(TValue);
            _version++;
        }

        private void Resize(int capacity)
        {
            System.Array.Resize(ref _hashes, capacity);
            System.Array.Resize(ref _keys, capacity);
            System.Array.Resize(ref _values, capacity);
        }

        /// <summary>Keys or Values: a read-only live view, as a dictionary's key and value collections are.</summary>
        private sealed class View<T> : ICollection<T>
        {
            private readonly DataCollection<TKey, TValue> _owner;
            private readonly bool _keys;

            public View(DataCollection<TKey, TValue> owner, bool keys)
            {
                _owner = owner;
                _keys = keys;
            }

            // read through the owner: its arrays are replaced when they grow
            private T[] Items => _keys ? (T[])(object)_owner._keys : (T[])(object)_owner._values;

            public int Count => _owner._count;
            public bool IsReadOnly => true;
            public bool Contains(T item) => System.Array.IndexOf(Items, item, 0, _owner._count) >= 0;
            public void CopyTo(T[] array, int arrayIndex) => System.Array.Copy(Items, 0, array, arrayIndex, _owner._count);

            public IEnumerator<T> GetEnumerator()
            {
                var version = _owner._version;
                for (var i = 0; i < _owner._count; i++)
                {
                    if (version != _owner._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                    yield return Items[i];
                }
            }

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            public void Add(T item) => throw new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");
            public void Clear() => throw new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");
            public bool Remove(T item) => throw new NotSupportedException("Mutating a key or value collection derived from a dictionary is not allowed.");
        }
    }
}
