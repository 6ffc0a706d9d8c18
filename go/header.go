package nervure

// Header holds a message's headers: keys keep their case exactly as sent and
// may carry several values.
type Header map[string][]string

// Add appends a value to key.
func (h Header) Add(key, value string) { h[key] = append(h[key], value) }

// Set replaces the values of key with value.
func (h Header) Set(key, value string) { h[key] = []string{value} }

// Get returns the first value of key, or "".
func (h Header) Get(key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Values returns every value of key.
func (h Header) Values(key string) []string { return h[key] }

// Del removes key.
func (h Header) Del(key string) { delete(h, key) }
