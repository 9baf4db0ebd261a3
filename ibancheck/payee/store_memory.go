package payee

import (
	"context"
	"slices"
	"sync"
)

// MemoryStore is a Store kept in memory: for tests, examples and short-lived tools.
// Its history is lost when the process ends.
type MemoryStore struct {
	mu     sync.RWMutex
	events map[string][]Event
	closed bool
}

// NewMemoryStore returns an empty in-memory store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{events: make(map[string][]Event)}
}

// Events implements Store.
func (m *MemoryStore) Events(ctx context.Context, payee string) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return nil, ErrClosed
	}
	return slices.Clone(m.events[payee]), nil
}

// Append implements Store.
func (m *MemoryStore) Append(ctx context.Context, e Event) (Event, error) {
	if err := ctx.Err(); err != nil {
		return Event{}, err
	}
	if err := e.Validate(); err != nil {
		return Event{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return Event{}, ErrClosed
	}
	return m.appendLocked(e), nil
}

func (m *MemoryStore) appendLocked(e Event) Event {
	h := m.events[e.Payee]
	e.Seq = int64(len(h)) + 1
	e.At = e.At.UTC().Truncate(eventPrecision)
	if len(h) > 0 && e.At.Before(h[len(h)-1].At) {
		e.At = h[len(h)-1].At
	}
	m.events[e.Payee] = append(h, e)
	return e
}

// AppendAll appends events at once, all or none.
func (m *MemoryStore) AppendAll(ctx context.Context, events []Event) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, e := range events {
		if err := e.Validate(); err != nil {
			return nil, err
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, ErrClosed
	}
	out := make([]Event, len(events))
	for i, e := range events {
		out[i] = m.appendLocked(e)
	}
	return out, nil
}

// Close makes every later call fail with ErrClosed.
func (m *MemoryStore) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	return nil
}
