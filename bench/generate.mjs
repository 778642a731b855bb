// Generates benchmark series: one issue of about N pages, or M issues of the seed's size.
// Text is the seed's own paragraphs repeated, so fonts and line breaking are realistic.
import { mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedDir = path.join(root, 'examples/seed');

async function seed() {
  const text = await readFile(path.join(seedDir, 'issues/2018-02.yaml'), 'utf8');
  return YAML.parse(text, { schema: 'core' });
}

async function start(dir, startNumber = 1) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'issues/images'), { recursive: true });
  const series = (await readFile(path.join(seedDir, 'bulletin.yaml'), 'utf8'))
    .replace(/^# yaml-language-server.*$/m, '')
    .replace(/start:[\s\S]*?total: 11\n/, `start: { year: 2018, number: ${startNumber}, total: 11 }\n`);
  await writeFile(path.join(dir, 'bulletin.yaml'), series);
  for (const image of ['2018-02-kunming.png', '2018-02-acceptance.png']) {
    await copyFile(path.join(seedDir, 'issues/images', image), path.join(dir, 'issues/images', image));
  }
}

/** One issue of about `pages` body pages (the seed's two articles fill about 4.5 pages). */
export async function generateLongIssue(dir, pages) {
  await start(dir, 2);
  const issue = await seed();
  const [a, b] = issue.sections[0].articles;
  const articles = [];
  for (let i = 0; articles.length * 2.25 < pages; i++) {
    const source = i % 2 === 0 ? a : b;
    articles.push({ ...source, id: `a${i + 1}`, title: [`${source.title[0]}（${i + 1}）`, source.title[1]] });
  }
  const sections = [];
  for (let s = 0; s * 10 < articles.length; s++) sections.push({ label: `工作动态${s + 1}`, articles: articles.slice(s * 10, s * 10 + 10) });
  issue.sections = sections;
  await writeFile(path.join(dir, 'issues/2018-02.yaml'), YAML.stringify(issue, { lineWidth: 0, aliasDuplicateObjects: false }));
  return dir;
}

/** `count` issues like the seed, numbered 1 … count (2018 and on). */
export async function generateIssues(dir, count) {
  await start(dir, 1);
  const issue = await seed();
  for (let n = 1; n <= count; n++) {
    // Two issues a month, 24 a year: the number restarts every January, the total runs on.
    const inYear = (n - 1) % 24;
    const year = 2018 + Math.floor((n - 1) / 24);
    const month = String(1 + Math.floor(inYear / 2)).padStart(2, '0');
    const day = inYear % 2 ? '25' : '10';
    const copy = { ...issue, year, number: inYear + 1, total: 10 + n, date: `${year}-${month}-${day}` };
    await writeFile(path.join(dir, `issues/${year}-${String(copy.number).padStart(2, '0')}.yaml`), YAML.stringify(copy, { lineWidth: 0, aliasDuplicateObjects: false }));
  }
  return dir;
}

/**
 * Five 12-megapixel (4000 × 3000) phone JPEGs in `dir`: noise enlarged from a small tile (a photo's
 * size, a tint each), the first stored sideways with EXIF orientation 6, all with a camera and the
 * second with a GPS position. `scaled`: the same photos upright and scaled to 1000 pixels wide, no
 * metadata (what an editor who scales by hand would put in).
 */
export async function generatePhonePhotos(dir) {
  const { default: sharp } = await import('sharp');
  await mkdir(dir, { recursive: true });
  const names = [];
  for (let i = 0; i < 5; i++) {
    const tile = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 60 + 30 * i, g: 120, b: 180 - 20 * i }, noise: { type: 'gaussian', mean: 120, sigma: 45 } } }).png().toBuffer();
    let photo = sharp(tile).resize(4000, 3000, { kernel: 'cubic' }).jpeg({ quality: 92 });
    const exif = { IFD0: { Make: 'Apple', Model: 'iPhone 13' } };
    if (i === 1) exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' };
    if (i === 0) photo = photo.withMetadata({ orientation: 6 });
    const name = `IMG_000${i + 1}.jpg`;
    await writeFile(path.join(dir, name), await photo.withExif(exif).toBuffer());
    await sharp(path.join(dir, name)).rotate().resize({ width: 1000 }).jpeg({ quality: 85 }).toFile(path.join(dir, `scaled-${name}`));
    names.push(name);
  }
  return names;
}

/**
 * The issue of about 15 pages with five photos: `photos` gives their files (inside `photoDir`, copied
 * into the series), or none for the same issue without figures.
 */
export async function generatePhotoIssue(dir, photoDir, photos) {
  await generateLongIssue(dir, 15);
  const file = path.join(dir, 'issues/2018-02.yaml');
  const issue = YAML.parse(await readFile(file, 'utf8'), { schema: 'core' });
  const articles = issue.sections.flatMap((s) => s.articles);
  articles.forEach((a) => delete a.figures);
  for (const [i, photo] of (photos ?? []).entries()) {
    await copyFile(path.join(photoDir, photo), path.join(dir, 'issues/images', photo));
    articles[i].figures = [{ image: `images/${photo}`, place: 'right', width: '45%', caption: `照片${i + 1}`, paragraph: 1 }];
  }
  await writeFile(file, YAML.stringify(issue, { lineWidth: 0, aliasDuplicateObjects: false }));
  return dir;
}
