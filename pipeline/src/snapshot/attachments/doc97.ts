/**
 * A minimal Word 97–2003 binary document (.doc) of our own: an OLE compound file holding a
 * `WordDocument` stream (a Word 97 FIB followed by the text in UTF-16) and a `1Table` stream whose piece
 * table points at that text. No formatting: it is what old portals' plain letters reduce to, and what
 * word-extractor and other .doc readers need to find the text. Written because no Debian tool short of
 * LibreOffice writes the binary format, and we do not ship third-party files.
 */

const SECTOR = 512
const FREESECT = 0xffffffff
const ENDOFCHAIN = 0xfffffffe
const FATSECT = 0xfffffffd
const NOSTREAM = 0xffffffff
const TEXT_AT = 0x400
const MIN_STREAM = 4096 // streams below the mini-stream cutoff would need a mini FAT

const pad = (b: Buffer, size: number): Buffer =>
  Buffer.concat([b, Buffer.alloc(Math.max(0, size - b.length))])
const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to

function wordDocumentStream(text: string): Buffer {
  const chars = Buffer.from(text, 'utf16le')
  const size = Math.max(MIN_STREAM, roundUp(TEXT_AT + chars.length, SECTOR))
  const b = Buffer.alloc(size)
  b.writeUInt16LE(0xa5ec, 0x00) // wIdent
  b.writeUInt16LE(0x00c1, 0x02) // nFib: Word 97
  b.writeUInt16LE(0x0200, 0x0a) // fWhichTblStm: the table stream is 1Table
  b.writeUInt32LE(TEXT_AT, 0x18) // fcMin
  b.writeUInt32LE(TEXT_AT + chars.length, 0x1c) // fcMac
  b.writeUInt16LE(14, 0x20) // csw
  b.writeUInt16LE(22, 0x3e) // cslw
  b.writeUInt32LE(size, 0x40) // cbMac
  b.writeUInt32LE(text.length, 0x4c) // ccpText
  b.writeUInt16LE(93, 0x98) // cbRgFcLcb (Word 97)
  b.writeUInt32LE(0, 0x1a2) // fcClx: at the start of 1Table
  b.writeUInt32LE(21, 0x1a6) // lcbClx
  chars.copy(b, TEXT_AT)
  return b
}

function tableStream(text: string): Buffer {
  const clx = Buffer.alloc(21)
  clx.writeUInt8(0x02, 0) // Pcdt
  clx.writeUInt32LE(16, 1) // one piece: two CPs and one PCD
  clx.writeUInt32LE(0, 5)
  clx.writeUInt32LE(text.length, 9)
  clx.writeUInt16LE(0, 13) // PCD flags
  clx.writeUInt32LE(TEXT_AT, 15) // fc without the compressed bit: UTF-16 text
  return pad(clx, MIN_STREAM) // prm stays 0
}

const dirEntry = (
  name: string,
  type: number,
  o: { left?: number; right?: number; child?: number; start: number; size: number }
): Buffer => {
  const e = Buffer.alloc(128)
  if (type === 0) {
    e.writeUInt32LE(NOSTREAM, 68)
    e.writeUInt32LE(NOSTREAM, 72)
    e.writeUInt32LE(NOSTREAM, 76)
    return e
  }
  Buffer.from(name, 'utf16le').copy(e, 0)
  e.writeUInt16LE((name.length + 1) * 2, 64)
  e.writeUInt8(type, 66)
  e.writeUInt8(1, 67) // black
  e.writeUInt32LE(o.left ?? NOSTREAM, 68)
  e.writeUInt32LE(o.right ?? NOSTREAM, 72)
  e.writeUInt32LE(o.child ?? NOSTREAM, 76)
  e.writeUInt32LE(o.start, 116)
  e.writeUInt32LE(o.size, 120)
  return e
}

/** The .doc bytes of `paragraphs` (each becomes one Word paragraph). */
export function writeDoc97(paragraphs: ReadonlyArray<string>): Uint8Array {
  const text = `${paragraphs.map((p) => p.replace(/[\r\n]+/g, ' ')).join('\r')}\r`
  const word = wordDocumentStream(text)
  const table = tableStream(text)
  const wordSectors = word.length / SECTOR
  const tableSectors = table.length / SECTOR
  const wordStart = 2
  const tableStart = wordStart + wordSectors
  const total = tableStart + tableSectors
  if (total > SECTOR / 4) throw new Error('document too long for a one-sector FAT')

  const fat = Buffer.alloc(SECTOR, 0xff)
  fat.writeUInt32LE(FATSECT, 0)
  fat.writeUInt32LE(ENDOFCHAIN, 4) // the directory is one sector
  const chain = (start: number, n: number) => {
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : start + i + 1, (start + i) * 4)
  }
  chain(wordStart, wordSectors)
  chain(tableStart, tableSectors)

  const dir = Buffer.concat([
    dirEntry('Root Entry', 5, { child: 1, start: ENDOFCHAIN, size: 0 }),
    // Siblings are ordered by name length: "1Table" sorts before "WordDocument".
    dirEntry('WordDocument', 2, { left: 2, start: wordStart, size: word.length }),
    dirEntry('1Table', 2, { start: tableStart, size: table.length }),
    dirEntry('', 0, { start: 0, size: 0 }),
  ])

  const header = Buffer.alloc(SECTOR)
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0)
  header.writeUInt16LE(0x003e, 24)
  header.writeUInt16LE(0x0003, 26)
  header.writeUInt16LE(0xfffe, 28)
  header.writeUInt16LE(9, 30)
  header.writeUInt16LE(6, 32)
  header.writeUInt32LE(1, 44) // FAT sectors
  header.writeUInt32LE(1, 48) // first directory sector
  header.writeUInt32LE(MIN_STREAM, 56)
  header.writeUInt32LE(ENDOFCHAIN, 60)
  header.writeUInt32LE(ENDOFCHAIN, 68)
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4)
  return new Uint8Array(Buffer.concat([header, fat, dir, word, table]))
}
