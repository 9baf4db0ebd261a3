package vault

import (
	"fmt"
	"slices"

	"filippo.io/age"

	"github.com/trustreflex/trustreflex/docstore/internal/vaultfmt"
)

// Recipient describes a key slot: who can open the vault ([Vault.Recipients]).
type Recipient struct {
	Label string // chosen by the caller ("owner", "notaire", ...), stored encrypted
	Kind  string // "scrypt", "x25519", "mlkem768x25519" or "other"
}

// Recipients lists the key slots.
func (v *Vault) Recipients() ([]Recipient, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return nil, err
	}
	out := make([]Recipient, len(v.m.Slots))
	for i, s := range v.m.Slots {
		out[i] = Recipient{Label: s.Label, Kind: s.Kind}
	}
	return out, nil
}

// SetRecipient lets r open the vault under label (a mandated third party, a second device).
// If label exists, its slot is replaced: that is how a passphrase is changed
// (SetRecipient([OwnerLabel], newScryptRecipient)). Only the wrapped vault key is written; no
// document is re-encrypted.
func (v *Vault) SetRecipient(label string, r age.Recipient) error {
	if !vaultfmt.ValidName(label) {
		return fmt.Errorf("%w: label %q", ErrInvalidName, label)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return err
	}
	sid := newID()
	data, err := wrapSlot(v.key, v.m.Vault, sid, r)
	if err != nil {
		return err
	}
	next := *v.m
	next.Slots = slices.Clone(v.m.Slots)
	slots := slices.Clone(v.ix.Slots)
	info := vaultfmt.SlotInfo{ID: sid, Label: label, Kind: recipientKind(r)}
	if i := v.slot(label); i >= 0 {
		next.Slots[i], slots[i] = info, vaultfmt.Slot{ID: sid, Data: data}
	} else {
		if len(slots) == vaultfmt.MaxSlots {
			return fmt.Errorf("vault: at most %d recipients", vaultfmt.MaxSlots)
		}
		next.Slots = append(next.Slots, info)
		slots = append(slots, vaultfmt.Slot{ID: sid, Data: data})
	}
	return v.commitSlots(&vaultfmt.Record{Op: "set-recipient", Name: label}, &next, slots)
}

// RemoveRecipient deletes the key slot labelled label. The removed recipient can no longer
// open the vault with its own key. It is not a full revocation: someone who held the vault
// open could have kept the vault key itself, which still decrypts the documents (to rule that
// out, Export and import into a new vault).
func (v *Vault) RemoveRecipient(label string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.use(); err != nil {
		return err
	}
	i := v.slot(label)
	if i < 0 {
		return fmt.Errorf("%w: recipient %q", ErrNotFound, label)
	}
	if len(v.m.Slots) == 1 {
		return ErrLastRecipient
	}
	next := *v.m
	next.Slots = slices.Delete(slices.Clone(v.m.Slots), i, i+1)
	slots := slices.Delete(slices.Clone(v.ix.Slots), i, i+1)
	return v.commitSlots(&vaultfmt.Record{Op: "remove-recipient", Name: label}, &next, slots)
}

func (v *Vault) slot(label string) int {
	return slices.IndexFunc(v.m.Slots, func(s vaultfmt.SlotInfo) bool { return s.Label == label })
}

// commitSlots writes the keys file with the new slots, then commits the index. If the commit
// does not happen, the keys file is put back in line with the index (and Open heals it after
// a crash).
func (v *Vault) commitSlots(rec *vaultfmt.Record, next *vaultfmt.Manifest, slots []vaultfmt.Slot) error {
	if err := v.writeKeys(slots); err != nil {
		return err
	}
	err := v.commit(rec, next, slots)
	if v.m != next {
		v.healKeys()
	}
	return err
}
