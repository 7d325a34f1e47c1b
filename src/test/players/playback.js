'use strict';
/*
 * Playback accounting for play-check.js, apart from the browser so that node:test can check it
 * (test/playback.test.js).
 *
 * A player that joins a live stream first seeks to its live start position, and video.played
 * then holds one range from 0 to there although nothing of it played. What counts as played is
 * the media time the element advanced while really playing: currentTime stepping forward between
 * two timeupdate events (about 4 a second) while not paused, not seeking and with data at the
 * current position (readyState >= HAVE_CURRENT_DATA). A step longer than MAX_STEP seconds is a
 * jump (a player skipping a gap or catching up with the live edge), not playback.
 */

const MAX_STEP = 1;

/**
 * Returns a meter fed with the media element's events. It must not refer to anything outside
 * itself: play-check.js installs it in the page from its source text.
 */
function createMeter(maxStep) {
  let last = null;
  const meter = {
    progress: 0,
    seeking() { last = null; },
    seeked(t) { last = t; },
    playing(t) { last = t; },
    timeupdate(s) {
      if (last !== null && !s.seeking && !s.paused && s.readyState >= 2 && s.t > last && s.t - last <= maxStep) {
        meter.progress += s.t - last;
      }
      last = s.seeking ? null : s.t;
    },
  };
  return meter;
}

/** Seconds of media played: video.played's ranges ([start, end] pairs), but no more than the meter saw advance. */
function playedSeconds(ranges, progress) {
  const total = ranges.reduce((sum, [start, end]) => sum + Math.max(0, end - start), 0);
  return Math.min(total, progress);
}

/**
 * The quality level to pick now with --switch, or null: one pick every `interval` ms once the
 * player plays and offers more than one level, in turn 0, 1, ..., n-1, 0, ...
 */
function nextSwitch(state, now, interval) {
  if (!state.playing || state.levelCount < 2 || now - state.lastSwitch <= interval) return null;
  const level = state.picks % state.levelCount;
  state.picks++;
  state.lastSwitch = now;
  return level;
}

/** Whether the URL's host is a loopback address (or localhost): the tests talk to nothing else. */
function isLoopback(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Chromium's --host-resolver-rules: no name resolves, except 127.0.0.1 (and localhost if the stream is there). */
function resolverRules(url) {
  const host = new URL(url).hostname;
  return 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' + (host === 'localhost' ? ', EXCLUDE localhost' : '');
}

module.exports = { MAX_STEP, createMeter, playedSeconds, nextSwitch, isLoopback, resolverRules };
