package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/trustreflex/trustreflex/ibancheck"
	"github.com/trustreflex/trustreflex/ibancheck/payee"
	"github.com/trustreflex/trustreflex/reflex"
)

// The payee API is for the partner's back-end, with an API key: the key's name is
// recorded as "by" in the book's history.
//
//	POST /v1/payees/{payee}/confirm  {"iban": "FR76 ...", "name": "Jean Martin"}
//	POST /v1/payees/{payee}/revoke   {"iban": "FR76 ..."}
//	GET  /v1/payees/{payee}/history
//
// Each write is one transaction of the book's store: it is recorded whole or not at
// all, and answered only once recorded.

// confirmRequest is the body of POST /v1/payees/{payee}/confirm.
type confirmRequest struct {
	IBAN string `json:"iban"`
	Name string `json:"name"`
	Lang string `json:"lang,omitempty"`
}

// revokeRequest is the body of POST /v1/payees/{payee}/revoke.
type revokeRequest struct {
	IBAN string `json:"iban"`
	Lang string `json:"lang,omitempty"`
}

// eventJSON is an event of the payee's history as the API answers it. The IBAN is
// masked: the partner's back-end has it, and an answer that is logged or shown somewhere
// never carries a whole account number.
type eventJSON struct {
	Payee string `json:"payee"`
	Seq   int64  `json:"seq"`
	Kind  string `json:"kind"`
	IBAN  string `json:"iban"`
	Name  string `json:"name,omitempty"`
	By    string `json:"by"`
	At    string `json:"at"`
}

func eventOf(e payee.Event) eventJSON {
	return eventJSON{Payee: e.Payee, Seq: e.Seq, Kind: string(e.Kind), IBAN: ibancheck.Mask(e.IBAN), Name: e.Name, By: e.By, At: e.At.UTC().Format(time.RFC3339Nano)}
}

// historyJSON is the answer of GET /v1/payees/{payee}/history.
type historyJSON struct {
	Payee  string      `json:"payee"`
	Events []eventJSON `json:"events"`
}

// payeeID returns the route's {payee}, unescaped and checked: 1 to 200 bytes of
// printable UTF-8.
func payeeID(c *call) (string, error) {
	id, err := url.PathUnescape(c.param)
	if err != nil || id == "" || len(id) > maxPayeeID || !utf8.ValidString(id) || reflex.Printable(id) != id || strings.TrimSpace(id) != id {
		return "", problem(http.StatusBadRequest, reflex.TextServerBadPayee)
	}
	return id, nil
}

// payeeCall is what every payee operation starts with: the book, the payee's
// identifier, and the body decoded into v (when v is not nil) with its language and
// its IBAN checked.
func (s *server) payeeCall(c *call, v fieldSetter, lang, iban *string) (string, bool) {
	if s.checks.book == nil {
		s.fail(c, notEnabled())
		return "", false
	}
	id, err := payeeID(c)
	if err == nil && v != nil {
		err = decodeJSON(c, s.cfg.maxBody, v, jsonFields(reflect.TypeOf(v).Elem()))
	}
	if err == nil && lang != nil && *lang != "" {
		if l, perr := reflex.ParseLang(*lang); perr != nil {
			err = badLang()
		} else {
			c.lang = l
		}
	}
	if err == nil && iban != nil {
		err = ibanField(*iban)
	}
	if err != nil {
		s.fail(c, err)
		return "", false
	}
	return id, true
}

func (s *server) confirm(c *call) {
	var req confirmRequest
	id, ok := s.payeeCall(c, &req, &req.Lang, &req.IBAN)
	if !ok {
		return
	}
	if strings.TrimSpace(req.Name) == "" || len(req.Name) > maxNameField || payee.NormalizeName(req.Name) == "" {
		s.fail(c, problem(http.StatusBadRequest, reflex.TextServerNoHolderName))
		return
	}
	ctx, cancel := context.WithTimeout(c.r.Context(), s.cfg.checkTimeout)
	defer cancel()
	e, err := s.checks.book.Confirm(ctx, id, req.IBAN, req.Name, c.key)
	s.answerEvent(c, "confirm", e, err)
}

func (s *server) revoke(c *call) {
	var req revokeRequest
	id, ok := s.payeeCall(c, &req, &req.Lang, &req.IBAN)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(c.r.Context(), s.cfg.checkTimeout)
	defer cancel()
	e, err := s.checks.book.Revoke(ctx, id, req.IBAN, c.key)
	if errors.Is(err, payee.ErrNotConfirmed) {
		s.fail(c, problem(http.StatusConflict, reflex.TextServerNotConfirmed, "iban", ibancheck.Mask(req.IBAN)))
		return
	}
	s.answerEvent(c, "revoke", e, err)
}

func (s *server) history(c *call) {
	if err := c.queryLang(); err != nil {
		s.fail(c, err)
		return
	}
	id, ok := s.payeeCall(c, nil, nil, nil)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(c.r.Context(), s.cfg.checkTimeout)
	defer cancel()
	h, err := s.checks.book.History(ctx, id)
	if err != nil {
		s.bookFailed(c, "history", err)
		return
	}
	out := historyJSON{Payee: id, Events: make([]eventJSON, len(h))}
	for i, e := range h {
		out.Events[i] = eventOf(e)
	}
	writeJSON(c, http.StatusOK, out)
}

// ibanField checks the "iban" of a payee operation: given, of a sane length, and valid.
func ibanField(iban string) error {
	switch {
	case strings.TrimSpace(iban) == "":
		return problem(http.StatusBadRequest, reflex.TextServerMissingField, "field", "iban")
	case len(iban) > maxIBANSubject:
		return problem(http.StatusRequestEntityTooLarge, reflex.TextServerFieldTooLong, "field", "iban", "max", "128")
	}
	if _, err := ibancheck.Parse(iban); err != nil {
		return problem(http.StatusUnprocessableEntity, reflex.TextServerInvalidIBAN)
	}
	return nil
}

// answerEvent answers the event a write recorded, or why it was not recorded.
func (s *server) answerEvent(c *call, op string, e payee.Event, err error) {
	if err != nil {
		var ie *ibancheck.Error
		if errors.As(err, &ie) {
			s.fail(c, problem(http.StatusUnprocessableEntity, reflex.TextServerInvalidIBAN))
			return
		}
		s.bookFailed(c, op, err)
		return
	}
	s.logger.LogAttrs(c.r.Context(), slog.LevelInfo, "payee "+op, slog.String("key", c.key), slog.Int64("seq", e.Seq))
	writeJSON(c, http.StatusOK, eventOf(e))
}

// bookFailed answers an error of the book: 503 with Retry-After when the store did not
// answer (or in time), 500 otherwise. Nothing was recorded.
func (s *server) bookFailed(c *call, op string, err error) {
	s.logger.LogAttrs(c.r.Context(), slog.LevelError, "payee "+op+" failed", slog.String("err", redactedError(err)))
	var be *bookError
	if errors.As(err, &be) || errors.Is(err, context.DeadlineExceeded) {
		s.fail(c, bookDown(err))
		return
	}
	s.fail(c, &httpError{status: http.StatusInternalServerError, text: reflex.Text{ID: reflex.TextInternal}, err: err})
}
