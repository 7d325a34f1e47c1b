'use strict';
// node --test (npm test in src/test/players): the playback accounting of play-check.js.
const test = require('node:test');
const assert = require('node:assert/strict');
const { createMeter, playedSeconds, nextSwitch, isLoopback, resolverRules, MAX_STEP } = require('../playback');

const at = (t, more) => Object.assign({ t, seeking: false, paused: false, readyState: 4 }, more);

test('steps forward while playing count', () => {
  const meter = createMeter(MAX_STEP);
  meter.playing(0);
  for (const t of [0.25, 0.5, 0.75, 1]) meter.timeupdate(at(t));
  assert.equal(meter.progress, 1);
});

test('a live player\'s jump to its start position is not playback', () => {
  const meter = createMeter(MAX_STEP);
  meter.timeupdate(at(0));
  meter.seeking();
  meter.timeupdate(at(3600, { seeking: true }));
  meter.seeked(3600);
  meter.timeupdate(at(3600.25));
  meter.timeupdate(at(3600.5));
  assert.equal(meter.progress, 0.5);
  // video.played then holds [0, 3600.5]: the meter bounds it
  assert.equal(playedSeconds([[0, 3600.5]], meter.progress), 0.5);
});

test('nothing counts before playing starts, while paused, stalled or going backwards', () => {
  const meter = createMeter(MAX_STEP);
  meter.timeupdate(at(1));
  meter.timeupdate(at(1.25, { paused: true }));
  meter.timeupdate(at(1.5, { readyState: 1 }));
  meter.timeupdate(at(1.25));
  assert.equal(meter.progress, 0);
  meter.timeupdate(at(1.5));
  assert.equal(meter.progress, 0.25);
});

test('a step longer than a second is a jump, and the count goes on from there', () => {
  const meter = createMeter(MAX_STEP);
  meter.playing(10);
  meter.timeupdate(at(14));
  meter.timeupdate(at(14.5));
  assert.equal(meter.progress, 0.5);
});

test('played seconds are video.played, bounded by the meter', () => {
  assert.equal(playedSeconds([[0, 2], [5, 6]], 10), 3);
  assert.equal(playedSeconds([[0, 2], [5, 6]], 2.5), 2.5);
  assert.equal(playedSeconds([], 4), 0);
});

test('--switch picks every level in turn, once per interval, only while playing', () => {
  const state = { playing: false, levelCount: 3, lastSwitch: 0, picks: 0 };
  assert.equal(nextSwitch(state, 10000, 3000), null, 'not yet playing');
  state.playing = true;
  const picks = [];
  for (let now = 10000; now <= 30000; now += 250) {
    const level = nextSwitch(state, now, 3000);
    if (level !== null) picks.push(level);
  }
  assert.deepEqual(picks, [0, 1, 2, 0, 1, 2, 0]);
  assert.equal(nextSwitch({ playing: true, levelCount: 1, lastSwitch: 0, picks: 0 }, 10000, 3000), null);
});

test('only loopback streams, and only loopback names resolve', () => {
  assert.ok(isLoopback('http://127.0.0.1:8080/live.isml/Manifest'));
  assert.ok(isLoopback('http://localhost:8080/a.m3u8'));
  assert.ok(isLoopback('http://[::1]:8080/a.m3u8'));
  assert.ok(!isLoopback('http://192.168.1.2/a.m3u8'));
  assert.ok(!isLoopback('http://example.com/a.m3u8'));
  assert.equal(resolverRules('http://127.0.0.1:1/x'), 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1');
  assert.equal(resolverRules('http://localhost:1/x'), 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost');
});
