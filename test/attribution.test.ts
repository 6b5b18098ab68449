import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSpeaker, findSpeaker } from '../src/locales/en/attribution.js';

/** The speaker's descriptive fields, and the characters its offsets point at. */
function speaker(sentence: string, base = 0) {
  const s = findSpeaker(sentence, base);
  assert.ok(s, `a speaker in ${JSON.stringify(sentence)}`);
  return {
    text: s.text, name: s.name, role: s.role, organisation: s.organisation, side: s.side,
    at: sentence.slice(s.start - base, s.end - base),
  };
}

test('"…, the regional governor said." is the governor, Ukrainian side', () => {
  assert.deepEqual(speaker('Russian drones struck Odesa overnight, the regional governor said.'), {
    text: 'the regional governor', name: null, role: 'governor', organisation: null, side: 'Ukraine', at: 'the regional governor',
  });
});

test('"According to the General Staff, …" is the General Staff', () => {
  assert.deepEqual(speaker('According to the General Staff, Russian forces attacked 92 settlements over the past day.'), {
    text: 'the General Staff', name: null, role: 'general staff', organisation: 'General Staff', side: 'Ukraine', at: 'the General Staff',
  });
});

test('"…, said Oleh Syniehubov, head of the Kharkiv Oblast Military Administration." gives name, role and organisation', () => {
  assert.deepEqual(
    speaker('Two people were injured in the shelling of Kharkiv, said Oleh Syniehubov, head of the Kharkiv Oblast Military Administration.'),
    {
      text: 'Oleh Syniehubov, head of the Kharkiv Oblast Military Administration',
      name: 'Oleh Syniehubov',
      role: 'head of administration',
      organisation: 'Kharkiv Oblast Military Administration',
      side: 'Ukraine',
      at: 'Oleh Syniehubov, head of the Kharkiv Oblast Military Administration',
    },
  );
});

test('"Governor Ivan Fedorov said …" is the governor, Ukrainian side, at the start of the sentence', () => {
  const s = speaker('Governor Ivan Fedorov said three people were injured in Zaporizhzhia.');
  assert.deepEqual({ text: s.text, role: s.role, organisation: s.organisation, side: s.side, at: s.at }, {
    text: 'Governor Ivan Fedorov', role: 'governor', organisation: null, side: 'Ukraine', at: 'Governor Ivan Fedorov',
  });
});

test('"Governor Ivan Fedorov" has the name "Ivan Fedorov"', () => {
  assert.equal(speaker('Governor Ivan Fedorov said three people were injured in Zaporizhzhia.').name, 'Ivan Fedorov');
});

test('"…, the Russian Defence Ministry claimed." is on the Russian side', () => {
  assert.deepEqual(speaker('Ukrainian forces shelled Donetsk, the Russian Defence Ministry claimed.'), {
    text: 'the Russian Defence Ministry', name: null, role: 'minister', organisation: 'Russian Defence Ministry', side: 'Russia', at: 'the Russian Defence Ministry',
  });
});

test('"…, the ISW said" is a third party (side other)', () => {
  assert.deepEqual(speaker('Russian forces advanced near Avdiivka, the ISW said.'), {
    text: 'the ISW', name: null, role: null, organisation: null, side: 'other', at: 'the ISW',
  });
  assert.equal(speaker('The Institute for the Study of War reported that Russian forces made gains near Bakhmut.').side, 'other');
});

test('a Kremlin spokesman named by name is on the Russian side', () => {
  const s = speaker('Dmytro Peskov, the Kremlin spokesman, said the talks were over.');
  assert.deepEqual({ name: s.name, role: s.role, side: s.side }, { name: 'Dmytro Peskov', role: 'Kremlin', side: 'Russia' });
});

test('"according to the regional prosecutor\'s office" at the end of a sentence', () => {
  const s = speaker("Three civilians were wounded, according to the regional prosecutor's office.");
  assert.deepEqual({ text: s.text, role: s.role, side: s.side }, { text: "the regional prosecutor's office", role: 'prosecutor', side: 'Ukraine' });
});

test('a sentence with no attribution has no speaker', () => {
  assert.equal(findSpeaker('Russian forces shelled Kherson overnight.'), null);
  assert.equal(findSpeaker('A Russian missile hit a grain terminal in the port of Izmail, damaging two warehouses.'), null);
});

test('pronouns alone are not speakers', () => {
  assert.equal(findSpeaker('Two people were injured, he said.'), null);
  assert.equal(findSpeaker('It said the strike hit a school.'), null);
});

test('speaker offsets are relative to the sentence plus base', () => {
  const s = findSpeaker('Russian forces advanced near Avdiivka, the ISW said.', 100)!;
  assert.deepEqual({ start: s.start, end: s.end }, { start: 139, end: 146 });
});

test('describeSpeaker reads role, organisation and side from a phrase', () => {
  const { name: _name, ...mayor } = describeSpeaker('Kharkiv Mayor Ihor Terekhov', 10);
  assert.deepEqual(mayor, { text: 'Kharkiv Mayor Ihor Terekhov', role: 'mayor', organisation: null, side: 'Ukraine', via: null, start: 10, end: 37 });
  assert.deepEqual(describeSpeaker("Ukraine's Air Force", 0), {
    text: "Ukraine's Air Force", name: null, role: 'air force', organisation: "Ukraine's Air Force", side: 'Ukraine', via: null, start: 0, end: 19,
  });
  assert.equal(describeSpeaker('Russia-installed official Vladimir Saldo', 0).side, 'Russia');
  assert.equal(describeSpeaker('Russia-installed official Vladimir Saldo', 0).name, 'Vladimir Saldo');
});


test('"Kharkiv Mayor Ihor Terekhov" has the name "Ihor Terekhov"', () => {
  assert.equal(speaker('According to Kharkiv Mayor Ihor Terekhov, the strike hit a printing house.').name, 'Ihor Terekhov');
  assert.equal(speaker('Kherson Governor Oleksandr Prokudin said on Telegram that two people were injured.').name, 'Oleksandr Prokudin');
});

test('a casualty clause after a semicolon or comma is not taken for the speaker', () => {
  assert.equal(
    speaker('Russian troops shelled Kherson on Tuesday; no casualties were reported, the regional military administration said.').text,
    'the regional military administration',
  );
  assert.equal(
    speaker('Russian forces shelled Nikopol, three people were reported wounded, Governor Serhii Lysak said.').text,
    'Governor Serhii Lysak',
  );
});

test('the organisation does not include a sentence-initial "The"', () => {
  assert.equal(speaker('The Russian Defence Ministry claimed its forces had captured the village.').organisation, 'Russian Defence Ministry');
});

test('the reporting chain: the speaker and the channel the words came through', () => {
  const chain = findSpeaker('Two people were injured in Sumy, the mayor said, according to Suspilne.')!;
  assert.equal(chain.text, 'the mayor');
  assert.equal(chain.via, 'Suspilne');
  assert.equal(findSpeaker('A drone hit a depot in Lviv, a regional official told the Associated Press.')!.via, 'the Associated Press');
  assert.equal(findSpeaker('The governor wrote on Telegram that a shell hit a school.')!.via, 'Telegram');
  // A plain "according to" is the speaker itself, with no channel.
  const plain = findSpeaker('According to the State Emergency Service, a fire broke out in Sumy.')!;
  assert.equal(plain.text, 'the State Emergency Service');
  assert.equal(plain.via, null);
  // "told reporters" names no outlet.
  assert.equal(findSpeaker('The mayor told reporters that two houses burned in Sumy.')!.via, null);
});
