"""RFC 6962 Merkle hashing and proofs, C2SP signed notes, checkpoints and cosignatures.

The vectors are the published RFC 6962 test data (certificate-transparency-go
``merkle`` package and RFC 9162 implementations use the same leaves); pymerkle,
an independent implementation, cross-checks roots and proofs over many sizes.
"""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from handoff.core.tlog import merkle, note
from handoff.core.tlog.merkle import Tree, leaf_hash, verify_consistency, verify_inclusion

LEAVES = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    bytes(range(0x50, 0x58)),
    bytes(range(0x60, 0x70)),
]
ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [  # (leaf, size, path) from the RFC 6962 test data
    (0, 8, ["96a296d2", "5f083f0a", "6b47aaf2"]),
    (5, 8, ["bc1a0643", "ca854ea1", "d37ee418"]),
    (2, 3, ["fac54203"]),
    (1, 5, ["6e340b9c", "5f083f0a", "bc1a0643"]),
]
CONSISTENCY = [
    (1, 8, ["96a296d2", "5f083f0a", "6b47aaf2"]),
    (6, 8, ["0ebc5d34", "ca854ea1", "d37ee418"]),
    (2, 5, ["5f083f0a", "bc1a0643"]),
]


@pytest.fixture(scope="module")
def tree() -> Tree:
    return Tree(leaf_hash(x) for x in LEAVES)


@pytest.mark.parametrize("size", range(9))
def test_roots_match_the_rfc6962_vectors(tree: Tree, size: int) -> None:
    assert tree.root(size).hex() == ROOTS[size]
    assert Tree(leaf_hash(x) for x in LEAVES[:size]).root().hex() == ROOTS[size]


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION)
def test_inclusion_proofs_match_the_vectors_and_verify(tree, index, size, path) -> None:
    proof = tree.inclusion(index, size)
    assert [p.hex()[:8] for p in proof] == path
    root = bytes.fromhex(ROOTS[size])
    assert verify_inclusion(index, size, leaf_hash(LEAVES[index]), proof, root)
    assert not verify_inclusion(index, size, leaf_hash(b"other"), proof, root)
    assert not verify_inclusion((index + 1) % size, size, leaf_hash(LEAVES[index]), proof, root)


@pytest.mark.parametrize(("old", "new", "path"), CONSISTENCY)
def test_consistency_proofs_match_the_vectors_and_verify(tree, old, new, path) -> None:
    proof = tree.consistency(old, new)
    assert [p.hex()[:8] for p in proof] == path
    old_root, new_root = bytes.fromhex(ROOTS[old]), bytes.fromhex(ROOTS[new])
    assert verify_consistency(old, new, old_root, new_root, proof)
    assert not verify_consistency(old, new, bytes.fromhex(ROOTS[old - 1]), new_root, proof)
    assert not verify_consistency(old, new, old_root, new_root, proof[:-1])


def test_every_proof_verifies_and_a_wrong_root_fails_for_all_small_trees() -> None:
    leaves = [leaf_hash(i.to_bytes(4, "big")) for i in range(70)]
    tree = Tree(leaves)
    for size in range(1, 71):
        root = tree.root(size)
        for index in range(size):
            assert verify_inclusion(index, size, leaves[index], tree.inclusion(index, size), root)
        for old in range(1, size + 1):
            proof = tree.consistency(old, size)
            assert verify_consistency(old, size, tree.root(old), root, proof), (old, size)
            if old < size:
                assert not verify_consistency(old, size, tree.root(old), tree.root(old), proof)


def test_roots_and_proofs_agree_with_pymerkle_over_many_sizes() -> None:
    pymerkle = pytest.importorskip("pymerkle")
    theirs = pymerkle.InmemoryTree(algorithm="sha256")
    bodies = [f"record {i}".encode() for i in range(300)]
    ours = Tree()
    for size, body in enumerate(bodies, start=1):
        theirs.append_entry(body)
        ours.append(leaf_hash(body))
        assert ours.root() == theirs.get_root(size), size
    for size in (1, 2, 3, 7, 64, 65, 129, 300):
        for index in {0, size // 2, size - 1}:
            path = theirs.prove_inclusion(index + 1, size).serialize()["path"]
            assert [bytes.fromhex(p) for p in path[1:]] == ours.inclusion(index, size)
        for old in {1, size // 3 or 1, size - 1 or 1}:
            # pymerkle's consistency proofs have another shape; its verifier checks our roots.
            proof = theirs.prove_consistency(old, size)
            pymerkle.verify_consistency(ours.root(old), ours.root(size), proof)


def test_the_tree_refuses_sizes_and_leaves_it_does_not_have(tree: Tree) -> None:
    with pytest.raises(ValueError):
        tree.inclusion(8, 8)
    with pytest.raises(ValueError):
        tree.consistency(5, 9)
    assert merkle.root_of([]) == merkle.EMPTY


# --- signed notes ---------------------------------------------------------------------------


def test_a_checkpoint_round_trips_and_verifies_with_its_vkey() -> None:
    key = Ed25519PrivateKey.generate()
    vkey = note.Verifier.parse(note.verifier_for("journal.example.org/ocmw", key).text())
    cp = note.Checkpoint("journal.example.org/ocmw", 8, bytes.fromhex(ROOTS[8]))
    signed = note.sign(cp.body(), vkey.name, key).render()
    lines = signed.split("\n")
    assert lines[:3] == ["journal.example.org/ocmw", "8", base64.b64encode(cp.root).decode()]
    assert lines[3] == "" and lines[4].startswith("\u2014 journal.example.org/ocmw ")
    _parsed, back = note.open_checkpoint(signed, vkey)
    assert back == cp


def test_a_changed_checkpoint_or_another_key_fails() -> None:
    key = Ed25519PrivateKey.generate()
    name = "log.example"
    signed = note.sign(note.Checkpoint(name, 3, b"\x01" * 32).body(), name, key).render()
    forged = signed.replace("\n3\n", "\n4\n", 1)
    with pytest.raises(note.NoteError):
        note.open_checkpoint(forged, note.verifier_for(name, key))
    with pytest.raises(note.NoteError):
        note.open_checkpoint(signed, note.verifier_for(name, Ed25519PrivateKey.generate()))
    with pytest.raises(note.NoteError):
        note.Verifier.parse(note.verifier_for(name, key).text().replace("+", "+0", 1))


def test_a_cosignature_verifies_with_its_time_and_not_on_another_tree() -> None:
    log, witness = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    signed = note.sign(note.Checkpoint("log", 5, b"\x02" * 32).body(), "log", log)
    sig = note.cosign(signed, "dpo.example", witness, 1_790_000_000)
    both = note.Note.parse(signed.with_signature(sig).render())
    wkey = note.verifier_for("dpo.example", witness, note.COSIGNATURE_V1)
    assert both.cosigned_at(wkey) == 1_790_000_000
    both.verify(note.verifier_for("log", log))
    other = note.sign(note.Checkpoint("log", 6, b"\x02" * 32).body(), "log", log)
    with pytest.raises(note.NoteError):
        other.with_signature(sig).cosigned_at(wkey)
