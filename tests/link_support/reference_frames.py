#!/usr/bin/env python3
"""An independent model of the link's framing (PROTOCOL.md section 2), written from the text,
not from the Rust code: a bitwise CRC-32C, COBS, and a Reed-Solomon encoder over GF(2^8).
It prints the wire bytes that tests/link_frame.rs checks the Rust encoder against.

    python3 tests/link_support/reference_frames.py
"""


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def cobs(data):
    out, block = bytearray(), bytearray()
    for b in data:
        if b == 0:
            out += bytes([len(block) + 1]) + block
            block = bytearray()
        else:
            block.append(b)
            if len(block) == 254:
                out += bytes([255]) + block
                block = bytearray()
    out += bytes([len(block) + 1]) + block
    return bytes(out)


# GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), generator 2.
EXP, LOG = [0] * 512, [0] * 256
x = 1
for i in range(255):
    EXP[i], LOG[x] = x, i
    x <<= 1
    if x & 0x100:
        x ^= 0x11D
for i in range(255, 512):
    EXP[i] = EXP[i - 255]


def mul(a, b):
    return 0 if a == 0 or b == 0 else EXP[LOG[a] + LOG[b]]


def generator(n):
    g = [1]  # highest power first
    for i in range(n):
        root = EXP[i]
        g = [a ^ mul(b, root) for a, b in zip(g + [0], [0] + g)]
    return g


def rs_parity(data, n=6):
    """Remainder of data(x) * x^n divided by g(x): the n parity bytes, highest power first."""
    g = generator(n)
    rem = list(data) + [0] * n
    for i in range(len(data)):
        c = rem[i]
        if c:
            for j in range(1, len(g)):
                rem[i + j] ^= mul(g[j], c)
    return bytes(rem[len(data):])


BLOCK_DATA = 255 - 6


def frame(decoded):
    body = cobs(decoded + crc32c(decoded).to_bytes(4, "little"))
    parity = b"".join(rs_parity(body[i:i + BLOCK_DATA]) for i in range(0, len(body), BLOCK_DATA))
    return body + cobs(parity) + b"\x00"


assert crc32c(b"123456789") == 0xE3069283

examples = {
    "Clear, seq 0x0102": bytes([2, 0x02, 0x01, 6]),
    "Ack{seq 772, credits 4, held 0}, seq 0": bytes([2, 0, 0, 10, 0x84, 0x06, 4, 0]),
    # Digest id 0x01020304, time 1,780,000,000, no end, severe, immediate, observed, quake,
    # alert, no refs, count 1, text "M5.9 quake".
    "Digest, seq 0x1234": bytes([2, 0x34, 0x12, 2, 0x84, 0x86, 0x88, 0x08, 0x01, 0x80, 0x94,
                                 0xC5, 0xA1, 0x0D, 0x00, 0x03, 0x04, 0x04, 0x06, 0x00, 0x00,
                                 0x01, 0x0A]) + b"M5.9 quake",
    # Quiet{start 22:00 = 1320 (varint a8 0a), end 07:00 = 420 (a4 03), utc_offset +60
    # (zigzag 120 = 78)}.
    "Quiet 22:00-07:00 at UTC+01:00, seq 3": bytes([2, 3, 0, 12, 0xA8, 0x0A, 0xA4, 0x03, 0x78]),
}
for name, decoded in examples.items():
    print(name + ":", " ".join(f"{b:02x}" for b in frame(decoded)))
