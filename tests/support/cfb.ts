/**
 * A small OLE2 / Compound File Binary container (version 3, 512-byte sectors) whose directory lists the given
 * streams, all empty: what the guard looks at to tell an encrypted .xlsx ("EncryptionInfo", "EncryptedPackage")
 * from a legacy .xls ("Workbook"). Laid out as the [MS-CFB] specification says: header, one FAT sector, then the
 * directory sectors chained in the FAT.
 */
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

export function cfbWithStreams(names: string[]): Buffer {
  const entries = ["Root Entry", ...names];
  const dirSectors = Math.ceil(entries.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // 2^9 = 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  header.writeUInt32LE(END, 0x3c); // no mini FAT
  header.writeUInt32LE(END, 0x44); // no DIFAT sector
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let s = 1; s <= dirSectors; s++) fat.writeUInt32LE(s === dirSectors ? END : s + 1, 4 * s);

  const directory = Buffer.alloc(512 * dirSectors);
  entries.forEach((name, i) => {
    const at = 128 * i;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE(2 * (name.length + 1), at + 0x40);
    directory[at + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(FREE, at + 0x44); // left sibling
    directory.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : FREE, at + 0x48); // right sibling
    directory.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, at + 0x4c); // child
    directory.writeUInt32LE(END, at + 0x74); // starting sector: none (empty)
  });
  return Buffer.concat([header, fat, directory]);
}
