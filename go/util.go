package nervure

// #include "shims.generated.h"
import "C"

import (
	"sync"
	"unsafe"
)

// batchMax is how many messages one crossing takes at most.
const batchMax = 1024

// strBuf holds the NUL-terminated strings of one call in one Go buffer that C
// reads during the call (no C.CString/C.free per call).
type strBuf struct{ b []byte }

var strBufs = sync.Pool{New: func() any { return &strBuf{b: make([]byte, 0, 256)} }}

func getStrBuf() *strBuf { return strBufs.Get().(*strBuf) }

func putStrBuf(sb *strBuf) {
	if cap(sb.b) > 1<<16 {
		return
	}
	sb.b = sb.b[:0]
	strBufs.Put(sb)
}

// add appends s and its NUL; the offset is valid for ptr once every string is added.
func (sb *strBuf) add(s string) int {
	off := len(sb.b)
	sb.b = append(sb.b, s...)
	sb.b = append(sb.b, 0)
	return off
}

// strStackBytes is the stack buffer an operation copies its strings into
// (NUL-terminated, for C); longer ones go to the heap.
const strStackBytes = 256

// addStr appends s and its NUL to b, and says where s starts.
func addStr(b []byte, s string) ([]byte, int) {
	off := len(b)
	return append(append(b, s...), 0), off
}

// strAt is the C string at off in b; the operation's shim is noescape, so b
// may stay on the caller's stack.
func strAt(b []byte, off int) *C.char { return (*C.char)(unsafe.Pointer(&b[off])) }

func (sb *strBuf) ptr(off int) *C.char { return (*C.char)(unsafe.Pointer(&sb.b[off])) }

// cArray allocates n values of T for C to fill with C pointers (the views of a
// batch) in memory the garbage collector does not scan. cgo checks every Go
// pointer held in Go memory passed to C, on each call: all 1024 views of a
// batch reader when the memory may hold pointers, or when the argument is
// written &a[0] (checked element by element); nothing here, passed as a
// pointer variable.
func cArray[T any](n int) []T {
	var zero T
	words := make([]uint64, (unsafe.Sizeof(zero)*uintptr(n)+7)/8)
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(words))), n)
}

// bytesPtr passes b's bytes to C as a *C.char: cgo checks an unsafe.Pointer
// argument for Go pointers in what it points to (a heap lookup per call, a
// tenth of a publish's CPU), never a pointer to a type that holds none.
func bytesPtr(b []byte) *C.char {
	if len(b) == 0 {
		return nil
	}
	return (*C.char)(unsafe.Pointer(unsafe.SliceData(b)))
}

func cbool(v bool) C.int {
	if v {
		return 1
	}
	return 0
}

func takeString(s *C.char) string {
	if s == nil {
		return ""
	}
	v := C.GoString(s)
	C.nervure_free_string(s)
	return v
}

func takeBytes(s *C.char, n C.size_t) []byte {
	if s == nil {
		return nil
	}
	v := C.GoBytes(unsafe.Pointer(s), C.int(n))
	C.nervure_free_string(s)
	return v
}

// cHeaders builds the C headers of h in one crossing; nil when h is empty.
// Small enough to inline, so a message without headers (most) pays no call.
func cHeaders(h Header) (*C.nervure_headers, error) {
	if len(h) == 0 {
		return nil, nil
	}
	return buildCHeaders(h)
}

func buildCHeaders(h Header) (*C.nervure_headers, error) {
	sb := getStrBuf()
	defer putStrBuf(sb)
	pairs := 0
	for k, vs := range h {
		for _, v := range vs {
			sb.add(k)
			sb.add(v)
			pairs++
		}
	}
	if pairs == 0 {
		return nil, nil
	}
	var out *C.nervure_headers
	e := C.nv_headers_from(sb.ptr(0), C.size_t(pairs), &out)
	if err := errorOf(&e); err != nil {
		return nil, err
	}
	return out, nil
}
