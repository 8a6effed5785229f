#!/usr/bin/env python3
"""Sends one command over the MongoDB wire protocol (OP_MSG) and exits 0 when the reply has ok: 1.

Used as FerretDB's health check (mongosh is not installed): `listCollections` on a database goes
through to PostgreSQL, so a success means FerretDB and its backend both answer.

    wire-ping.py HOST PORT [DATABASE]
"""
import socket
import struct
import sys


def bson(fields):
    out = b""
    for key, value in fields:
        k = key.encode() + b"\x00"
        if isinstance(value, int):
            out += b"\x10" + k + struct.pack("<i", value)
        else:
            s = value.encode() + b"\x00"
            out += b"\x02" + k + struct.pack("<i", len(s)) + s
    return struct.pack("<i", len(out) + 5) + out + b"\x00"


def ok_of(doc):
    """Returns the value of the top-level `ok` field of a BSON document."""
    i = 4
    while i < len(doc) - 1:
        kind = doc[i]
        end = doc.index(b"\x00", i + 1)
        name = doc[i + 1:end].decode()
        i = end + 1
        if kind == 0x01:  # double
            value, size = struct.unpack("<d", doc[i:i + 8])[0], 8
        elif kind == 0x10:  # int32
            value, size = struct.unpack("<i", doc[i:i + 4])[0], 4
        elif kind in (0x12, 0x09, 0x11):  # int64, datetime, timestamp
            value, size = None, 8
        elif kind == 0x08:  # bool
            value, size = doc[i] == 1, 1
        elif kind in (0x02, 0x0D, 0x0E):  # strings
            value, size = None, 4 + struct.unpack("<i", doc[i:i + 4])[0]
        elif kind in (0x03, 0x04):  # document, array
            value, size = None, struct.unpack("<i", doc[i:i + 4])[0]
        elif kind == 0x05:  # binary
            value, size = None, 5 + struct.unpack("<i", doc[i:i + 4])[0]
        elif kind == 0x07:  # object id
            value, size = None, 12
        elif kind in (0x0A, 0x06, 0x7F, 0xFF):  # null, undefined, max/min key
            value, size = None, 0
        else:
            return None
        if name == "ok":
            return value
        i += size
    return None


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    db = sys.argv[3] if len(sys.argv) > 3 else "admin"
    cmd = [("listCollections", 1), ("nameOnly", 1), ("$db", db)] if db != "admin" else [("ping", 1), ("$db", db)]
    body = struct.pack("<I", 0) + b"\x00" + bson(cmd)
    msg = struct.pack("<iiii", 16 + len(body), 1, 0, 2013) + body
    with socket.create_connection((host, port), timeout=5) as s:
        s.settimeout(10)
        s.sendall(msg)
        head = b""
        while len(head) < 16:
            chunk = s.recv(16 - len(head))
            if not chunk:
                sys.exit("connection closed")
            head += chunk
        length = struct.unpack("<i", head[:4])[0]
        rest = b""
        while len(rest) < length - 16:
            chunk = s.recv(length - 16 - len(rest))
            if not chunk:
                sys.exit("connection closed")
            rest += chunk
    doc = rest[5:]  # flagBits (4) + section kind (1)
    ok = ok_of(doc)
    if ok in (1, 1.0, True):
        return
    sys.exit(f"reply without ok: 1 ({ok!r})")


if __name__ == "__main__":
    main()
