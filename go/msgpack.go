package nervure

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
)

// Actor arguments and results cross languages as MessagePack. This is a small
// codec for plain values: nil, bool, integers, floats, strings, []byte, slices
// and maps (string keys sorted, so encodings are stable). Decoding gives nil,
// bool, int64 (uint64 above the int64 range), float64, string, []byte, []any
// and map[string]any (map[any]any when a key is not a string).

// MarshalMsgpack encodes v as MessagePack.
func MarshalMsgpack(v any) ([]byte, error) {
	return appendMsgpack(nil, reflect.ValueOf(v))
}

func appendMsgpack(b []byte, v reflect.Value) ([]byte, error) {
	if !v.IsValid() {
		return append(b, 0xc0), nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, 0xc0), nil
		}
		return appendMsgpack(b, v.Elem())
	case reflect.Bool:
		if v.Bool() {
			return append(b, 0xc3), nil
		}
		return append(b, 0xc2), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return appendInt(b, v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u := v.Uint()
		if u <= math.MaxInt64 {
			return appendInt(b, int64(u)), nil
		}
		return binary.BigEndian.AppendUint64(append(b, 0xcf), u), nil
	case reflect.Float32, reflect.Float64:
		return binary.BigEndian.AppendUint64(append(b, 0xcb), math.Float64bits(v.Float())), nil
	case reflect.String:
		return appendStr(b, v.String()), nil
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			n := v.Len()
			b = appendLen(b, n, 0, 0xc4, 0xc5, 0xc6)
			for i := 0; i < n; i++ {
				b = append(b, byte(v.Index(i).Uint()))
			}
			return b, nil
		}
		n := v.Len()
		b = appendLen(b, n, 0x90, 0, 0xdc, 0xdd)
		var err error
		for i := 0; i < n && err == nil; i++ {
			b, err = appendMsgpack(b, v.Index(i))
		}
		return b, err
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b = appendLen(b, len(keys), 0x80, 0, 0xde, 0xdf)
		var err error
		for _, k := range keys {
			if b, err = appendMsgpack(b, k); err != nil {
				return b, err
			}
			if b, err = appendMsgpack(b, v.MapIndex(k)); err != nil {
				return b, err
			}
		}
		return b, nil
	}
	return b, fmt.Errorf("nervure: MessagePack cannot carry a %s", v.Type())
}

func appendInt(b []byte, i int64) []byte {
	switch {
	case i >= 0 && i <= 0x7f:
		return append(b, byte(i))
	case i < 0 && i >= -32:
		return append(b, byte(i))
	case i >= math.MinInt8 && i <= math.MaxInt8:
		return append(b, 0xd0, byte(i))
	case i >= math.MinInt16 && i <= math.MaxInt16:
		return binary.BigEndian.AppendUint16(append(b, 0xd1), uint16(i))
	case i >= math.MinInt32 && i <= math.MaxInt32:
		return binary.BigEndian.AppendUint32(append(b, 0xd2), uint32(i))
	}
	return binary.BigEndian.AppendUint64(append(b, 0xd3), uint64(i))
}

func appendStr(b []byte, s string) []byte {
	if len(s) < 32 {
		b = append(b, 0xa0|byte(len(s)))
	} else {
		b = appendLen(b, len(s), 0, 0xd9, 0xda, 0xdb)
	}
	return append(b, s...)
}

// appendLen writes a length header: fix (when fix != 0 and n < 16 or 32),
// else the 8-bit (when c8 != 0), 16-bit or 32-bit form.
func appendLen(b []byte, n int, fix, c8, c16, c32 byte) []byte {
	switch {
	case fix != 0 && n < 16:
		return append(b, fix|byte(n))
	case c8 != 0 && n <= math.MaxUint8:
		return append(b, c8, byte(n))
	case n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(b, c16), uint16(n))
	}
	return binary.BigEndian.AppendUint32(append(b, c32), uint32(n))
}

var errShort = errors.New("nervure: truncated MessagePack")

// UnmarshalMsgpack decodes one MessagePack value; empty data gives nil.
func UnmarshalMsgpack(data []byte) (any, error) {
	if len(data) == 0 {
		return nil, nil
	}
	d := decoder{b: data}
	return d.value()
}

type decoder struct {
	b   []byte
	off int
}

func (d *decoder) take(n int) ([]byte, error) {
	if n < 0 || d.off+n > len(d.b) {
		return nil, errShort
	}
	p := d.b[d.off : d.off+n]
	d.off += n
	return p, nil
}

func (d *decoder) uint(n int) (uint64, error) {
	p, err := d.take(n)
	if err != nil {
		return 0, err
	}
	var u uint64
	for _, c := range p {
		u = u<<8 | uint64(c)
	}
	return u, nil
}

func (d *decoder) value() (any, error) {
	p, err := d.take(1)
	if err != nil {
		return nil, err
	}
	c := p[0]
	switch {
	case c <= 0x7f:
		return int64(c), nil
	case c >= 0xe0:
		return int64(int8(c)), nil
	case c&0xe0 == 0xa0:
		return d.str(int(c & 0x1f))
	case c&0xf0 == 0x90:
		return d.array(int(c & 0x0f))
	case c&0xf0 == 0x80:
		return d.mapOf(int(c & 0x0f))
	}
	lenOf := func(n int) (int, error) { u, err := d.uint(n); return int(u), err }
	switch c {
	case 0xc0:
		return nil, nil
	case 0xc2:
		return false, nil
	case 0xc3:
		return true, nil
	case 0xc4, 0xc5, 0xc6:
		n, err := lenOf(1 << (c - 0xc4))
		if err != nil {
			return nil, err
		}
		p, err := d.take(n)
		return append([]byte(nil), p...), err
	case 0xca:
		u, err := d.uint(4)
		return float64(math.Float32frombits(uint32(u))), err
	case 0xcb:
		u, err := d.uint(8)
		return math.Float64frombits(u), err
	case 0xcc, 0xcd, 0xce, 0xcf:
		u, err := d.uint(1 << (c - 0xcc))
		if u > math.MaxInt64 {
			return u, err
		}
		return int64(u), err
	case 0xd0:
		u, err := d.uint(1)
		return int64(int8(u)), err
	case 0xd1:
		u, err := d.uint(2)
		return int64(int16(u)), err
	case 0xd2:
		u, err := d.uint(4)
		return int64(int32(u)), err
	case 0xd3:
		u, err := d.uint(8)
		return int64(u), err
	case 0xd9, 0xda, 0xdb:
		n, err := lenOf(1 << (c - 0xd9))
		if err != nil {
			return nil, err
		}
		return d.str(n)
	case 0xdc, 0xdd:
		n, err := lenOf(2 << (c - 0xdc))
		if err != nil {
			return nil, err
		}
		return d.array(n)
	case 0xde, 0xdf:
		n, err := lenOf(2 << (c - 0xde))
		if err != nil {
			return nil, err
		}
		return d.mapOf(n)
	}
	return nil, fmt.Errorf("nervure: MessagePack type 0x%02x is not supported", c)
}

func (d *decoder) str(n int) (any, error) {
	p, err := d.take(n)
	return string(p), err
}

func (d *decoder) array(n int) (any, error) {
	if n > len(d.b) {
		return nil, errShort
	}
	out := make([]any, n)
	for i := range out {
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (d *decoder) mapOf(n int) (any, error) {
	if n > len(d.b) {
		return nil, errShort
	}
	strs := map[string]any{}
	var anys map[any]any
	for i := 0; i < n; i++ {
		k, err := d.value()
		if err != nil {
			return nil, err
		}
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		if s, ok := k.(string); ok && anys == nil {
			strs[s] = v
			continue
		}
		if anys == nil {
			anys = map[any]any{}
			for ks, vs := range strs {
				anys[ks] = vs
			}
		}
		if k != nil && !reflect.TypeOf(k).Comparable() {
			return nil, errors.New("nervure: a MessagePack map key that Go cannot hold")
		}
		anys[k] = v
	}
	if anys != nil {
		return anys, nil
	}
	return strs, nil
}
