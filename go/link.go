package nervure

// The native library is built once from the repository root (go/build-native.sh,
// or `cmake --build build --target nervure_static_bundle`): build/lib holds
// libnervure_static.a (C ABI + bridge + core) and libnervure.so. The default
// links the static archive; the build tag nervure_shared links the shared
// library instead (with an rpath to build/lib).

// #cgo CFLAGS: -I${SRCDIR}/../bindings/c/include
// #cgo !nervure_shared LDFLAGS: -L${SRCDIR}/../build/lib -lnervure_static -lssl -lcrypto -lstdc++ -lm -lpthread
// #cgo nervure_shared LDFLAGS: -L${SRCDIR}/../build/lib -lnervure -Wl,-rpath,${SRCDIR}/../build/lib
// #include "shims.generated.h"
import "C"

// Version is the native library's version, e.g. "0.1.0".
func Version() string { return C.GoString(C.nervure_version()) }

// nativeLibrary is the hash of the core library a binary was linked against
// when built by the project's scripts (build/lib/go-env.sh sets it with
// -ldflags=-X). Its value is what matters: a rebuilt library changes the link
// flags, which makes Go's build cache link again rather than reuse a binary
// linked against the old library.
var nativeLibrary string
