// Package errs is the one error vocabulary of HuiGuan. Every layer returns
// errors that wrap one of the kind sentinels, so that the HTTP edge can map
// them to a status without knowing the module that raised them.
package errs

import (
	"errors"
	"fmt"
)

// Kind sentinels. Use errors.Is(err, errs.ErrNotFound) and friends.
var (
	ErrInvalid         = errors.New("invalid")         // malformed input → 400
	ErrUnauthenticated = errors.New("unauthenticated") // no or expired session → 401
	ErrForbidden       = errors.New("forbidden")       // role, CSRF or data-level refusal → 403
	ErrNotFound        = errors.New("not found")       // → 404
	ErrConflict        = errors.New("conflict")        // duplicate or stale state → 409
	ErrRule            = errors.New("rule")            // a rule of the standard or a business rule → 422
	ErrThrottled       = errors.New("throttled")       // → 429
	ErrUnavailable     = errors.New("unavailable")     // database down → 503
)

// Error is a typed error with a stable code. Clause names the clause of the
// standard when one is the reason; Fields maps request field names to field
// codes; Params fill the placeholders of the localised message.
type Error struct {
	Kind   error
	Code   string
	Clause string
	Fields map[string]string
	Params map[string]any
	// Detail is for logs only; it is never sent to a client.
	Detail string
}

func (e *Error) Error() string {
	msg := e.Code
	if e.Clause != "" {
		msg += " (clause " + e.Clause + ")"
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap lets errors.Is match the kind sentinel.
func (e *Error) Unwrap() error { return e.Kind }

// With returns a copy carrying a message parameter.
func (e *Error) With(key string, value any) *Error {
	c := *e
	c.Params = make(map[string]any, len(e.Params)+1)
	for k, v := range e.Params {
		c.Params[k] = v
	}
	c.Params[key] = value
	return &c
}

// Invalid is a 400 error naming the offending fields.
func Invalid(code string, fields map[string]string) *Error {
	return &Error{Kind: ErrInvalid, Code: code, Fields: fields}
}

// Field is a 400 error for one field.
func Field(field, fieldCode string) *Error {
	return &Error{Kind: ErrInvalid, Code: "request.invalid_field", Fields: map[string]string{field: fieldCode}}
}

// NotFound is a 404 error for an entity.
func NotFound(entity string) *Error {
	return &Error{Kind: ErrNotFound, Code: entity + ".not_found"}
}

// Conflict is a 409 error.
func Conflict(code string) *Error { return &Error{Kind: ErrConflict, Code: code} }

// Forbidden is a 403 error.
func Forbidden(code string) *Error { return &Error{Kind: ErrForbidden, Code: code} }

// Rule is a 422 error; clause names the clause of the standard that refuses
// the write, or is empty for a business rule of the association.
func Rule(code, clause string) *Error { return &Error{Kind: ErrRule, Code: code, Clause: clause} }

// Unauthenticated is a 401 error.
func Unauthenticated(code string) *Error { return &Error{Kind: ErrUnauthenticated, Code: code} }

// Unavailable wraps a storage failure as a 503, keeping the cause for logs.
func Unavailable(cause error) *Error {
	return &Error{Kind: ErrUnavailable, Code: "db.unavailable", Detail: fmt.Sprint(cause)}
}

// As returns the typed error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// Merge combines field errors (400s) into one naming every field. A nil is
// skipped; the first error that is not a field error is returned as it is.
func Merge(list ...error) error {
	var fields map[string]string
	var params map[string]any
	for _, err := range list {
		if err == nil {
			continue
		}
		e, ok := As(err)
		if !ok || !errors.Is(e.Kind, ErrInvalid) || len(e.Fields) == 0 {
			return err
		}
		if fields == nil {
			fields, params = map[string]string{}, map[string]any{}
		}
		for k, v := range e.Fields {
			fields[k] = v
		}
		for k, v := range e.Params {
			params[k] = v
		}
	}
	if fields == nil {
		return nil
	}
	return &Error{Kind: ErrInvalid, Code: "request.invalid_fields", Fields: fields, Params: params}
}
