package transport

// SetBody sets the request body and, unless a header member already set it,
// its Content-Type.
func (r *Request) SetBody(contentType string, body []byte) {
	r.Body = body
	if _, ok := r.Header["Content-Type"]; !ok {
		r.Header["Content-Type"] = []string{contentType}
	}
}
