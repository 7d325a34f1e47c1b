#!/usr/bin/env node
'use strict';
/*
 * play-check.js: plays a stream with a real web player in headless Chromium and tells whether
 * media really played.
 *
 *   node play-check.js [options] MODE URL
 *
 *   MODE  hls     hls.js                  URL: an HLS playlist, e.g. http://127.0.0.1:8080/live.isml/manifest(format=m3u8-aapl)
 *         smooth  dash.js with its MSS    URL: a Smooth client manifest, e.g. http://127.0.0.1:8080/live.isml/Manifest
 *         dash    dash.js                 URL: an MPD
 *         shaka   Shaka Player            URL: an MPD or an HLS playlist
 *
 *   --seconds N      seconds of media that must play (default 10)
 *   --timeout S      give up after S seconds of wall-clock time (default N + 30)
 *   --switch         no adaptive choice: pick each video quality level in turn, one every 3 s
 *   --chromium PATH  the browser (default $CHROMIUM, else /usr/bin/chromium or chromium on PATH)
 *   --screenshot F   save a PNG of the page at the end
 *   --verbose        the browser's console and every HTTP response on stderr
 *
 * Only loopback URLs. The browser is Debian's Chromium (Playwright downloads none) with a fresh
 * profile, and resolves no host name but loopback. The player page and the player libraries are
 * answered by Playwright at <URL origin>/__play-check__/, from node_modules (npm ci in this
 * directory), so the page is same-origin with the stream and nothing is fetched from elsewhere.
 *
 * Prints one JSON line: ok, mode, url, required, advanced (seconds played), currentTime, live,
 * player, browser, levels (the video levels the player offers), levelsPlayed (bitrates of the
 * video fragments loaded), qualityLevelsRequested (from QualityLevels(..) request URLs),
 * fragments, errors, fatal, http {requests, errors}, elapsed, textTracks (the media element's text tracks at the
 * end: kind, label, language, mode and their cues' start, end and text, e.g. HLS subtitles). Exit status 0
 * when --seconds of media played without a fatal player error, 1 when not, 2 on bad usage or a missing browser.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const playback = require('./playback');

const SWITCH_INTERVAL_MS = 3000;
const USAGE = 'usage: play-check.js [--seconds N] [--timeout S] [--switch] [--chromium PATH] [--screenshot FILE] ' +
  '[--verbose] hls|smooth|dash|shaka URL';

function usage(problem) {
  if (problem) process.stderr.write('play-check: ' + problem + '\n');
  process.stderr.write(USAGE + '\n');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { seconds: 10, timeout: null, switch: false, chromium: process.env.CHROMIUM || null, screenshot: null,
    verbose: false };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(arg + ' needs a value'));
    switch (arg) {
      case '--seconds': o.seconds = Number(value()); break;
      case '--timeout': o.timeout = Number(value()); break;
      case '--switch': o.switch = true; break;
      case '--chromium': o.chromium = value(); break;
      case '--screenshot': o.screenshot = value(); break;
      case '-v': case '--verbose': o.verbose = true; break;
      case '-h': case '--help': usage(); break;
      default:
        if (arg.startsWith('-')) usage('unknown option ' + arg);
        positional.push(arg);
    }
  }
  if (positional.length !== 2) usage();
  [o.mode, o.url] = positional;
  if (!['hls', 'smooth', 'dash', 'shaka'].includes(o.mode)) usage('MODE is hls, smooth, dash or shaka');
  if (!/^https?:\/\//.test(o.url)) usage('URL must be http:// or https://');
  if (!playback.isLoopback(o.url)) usage('URL must be on a loopback address');
  if (!(o.seconds > 0)) usage('--seconds must be > 0');
  if (o.timeout == null) o.timeout = o.seconds + 30;
  return o;
}

function chromium(explicit) {
  if (explicit) return explicit;
  const candidates = ['/usr/bin/chromium'].concat((process.env.PATH || '').split(path.delimiter)
    .map((dir) => path.join(dir, 'chromium')));
  return candidates.find((file) => {
    try { fs.accessSync(file, fs.constants.X_OK); return true; } catch (e) { return false; }
  }) || null;
}

// The scripts each mode's page loads, in order, and where npm ci put them.
const LIBRARIES = {
  hls: { 'hls.min.js': 'hls.js/dist/hls.min.js' },
  smooth: { 'dash.all.min.js': 'dashjs', 'dash.mss.min.js': 'dashjs/mss' },
  dash: { 'dash.all.min.js': 'dashjs' },
  shaka: { 'shaka-player.compiled.js': 'shaka-player/dist/shaka-player.compiled.js' },
};

function page(mode) {
  return '<!doctype html><html><head><meta charset="utf-8"><title>play-check</title></head><body>' +
    '<video id="v" muted playsinline width="640" height="360"></video><div id="captions"></div>' +
    '<script>window.createMeter = ' + playback.createMeter.toString() + ';</script>' +
    Object.keys(LIBRARIES[mode]).map((name) => '<script src="' + name + '"></script>').join('') +
    '</body></html>';
}

// Runs in the page: starts the player and keeps its state in window.__pc for the harness to read.
function startPlayer(mode, url, switching, maxStep) {
  const pc = window.__pc = { errors: [], fatal: null, levels: [], levelsPlayed: [], fragments: 0, live: null,
    player: null, playing: false, setLevel: null, levelCount: () => 0 };
  const video = document.getElementById('v');
  const meter = pc.meter = window.createMeter(maxStep);
  const error = (message, fatal) => {
    if (pc.errors.length < 50) pc.errors.push(message);
    if (fatal && !pc.fatal) pc.fatal = message;
  };
  const loaded = (bitrate) => { if (!pc.levelsPlayed.includes(bitrate)) pc.levelsPlayed.push(bitrate); };
  video.addEventListener('playing', () => { pc.playing = true; meter.playing(video.currentTime); });
  video.addEventListener('seeking', () => meter.seeking());
  video.addEventListener('seeked', () => meter.seeked(video.currentTime));
  video.addEventListener('timeupdate', () => meter.timeupdate({ t: video.currentTime, seeking: video.seeking,
    paused: video.paused, readyState: video.readyState }));
  video.addEventListener('error', () => error('media element error ' +
    (video.error ? video.error.code + ' ' + video.error.message : ''), true));
  window.addEventListener('error', (e) => error('page error: ' + e.message, false));
  const play = () => video.play().catch((e) => error('play(): ' + e.message, false));

  if (mode === 'hls') {
    if (!window.Hls || !Hls.isSupported()) return error('hls.js cannot play here (no MSE?)', true);
    const hls = new Hls({ enableWorker: true });
    pc.player = 'hls.js ' + Hls.version;
    hls.on(Hls.Events.MANIFEST_PARSED, (event, data) => {
      pc.levels = data.levels.map((l) => ({ bitrate: l.bitrate, width: l.width, height: l.height,
        codecs: [l.videoCodec, l.audioCodec].filter(Boolean).join(',') || null }));
      play();
    });
    hls.on(Hls.Events.LEVEL_LOADED, (event, data) => { pc.live = !!data.details.live; });
    hls.on(Hls.Events.FRAG_BUFFERED, (event, data) => {
      pc.fragments++;
      const level = hls.levels[data.frag.level];
      if (data.frag.type === 'main' && level) loaded(level.bitrate);
    });
    hls.on(Hls.Events.ERROR, (event, data) => error('hls.js ' + data.type + ':' + data.details +
      (data.fatal ? ' (fatal)' : '') + (data.response && data.response.code ? ' http ' + data.response.code : '') +
      (data.frag ? ' ' + data.frag.url : ''), data.fatal));
    pc.setLevel = (i) => { hls.nextLevel = i; };
    pc.levelCount = () => hls.levels.length;
    hls.loadSource(url);
    hls.attachMedia(video);
  } else if (mode === 'shaka') {
    if (!window.shaka) return error('Shaka Player not loaded', true);
    shaka.polyfill.installAll();
    if (!shaka.Player.isBrowserSupported()) return error('Shaka Player cannot play here (no MSE?)', true);
    const player = new shaka.Player();
    pc.player = 'shaka-player ' + shaka.Player.version;
    const describe = (e) => 'shaka-player error ' + e.code + ' (category ' + e.category + ', severity ' +
      e.severity + ') ' + JSON.stringify(e.data || []).slice(0, 300);
    const videoLevels = () => {
      const byVideo = new Map();
      player.getVariantTracks().filter((t) => t.videoId != null).forEach((t) => {
        if (!byVideo.has(t.videoId)) byVideo.set(t.videoId, t);
      });
      return [...byVideo.values()].map((t) => ({ bitrate: t.videoBandwidth || t.bandwidth, width: t.width,
        height: t.height, codecs: t.videoCodec || t.codecs, id: t.videoId })).sort((a, b) => a.bitrate - b.bitrate);
    };
    // --switch: the harness picks the levels, and a pick drops what is buffered beyond 2 s so that it shows soon
    player.configure({ abr: { enabled: !switching } });
    player.addEventListener('error', (e) => error(describe(e.detail || {}),
      !e.detail || e.detail.severity !== shaka.util.Error.Severity.RECOVERABLE));
    player.addEventListener('trackschanged', () => { pc.levels = videoLevels(); });
    const types = shaka.net.NetworkingEngine.RequestType;
    const advanced = shaka.net.NetworkingEngine.AdvancedRequestType;
    player.getNetworkingEngine().registerResponseFilter((type, response, context) => {
      if (type !== types.SEGMENT || (context && context.type === advanced.INIT_SEGMENT)) return;
      pc.fragments++;
      const stream = context && context.stream;
      if (stream && stream.type === 'video') {
        const level = videoLevels().find((l) => l.id === stream.id);
        loaded(level ? level.bitrate : stream.bandwidth);
      }
    });
    pc.setLevel = (i) => {
      const level = pc.levels[i];
      const tracks = player.getVariantTracks();
      const active = tracks.find((t) => t.active);
      const candidates = level ? tracks.filter((t) => t.videoId === level.id) : [];
      const track = candidates.find((t) => active && t.audioId === active.audioId) || candidates[0];
      if (track) player.selectVariantTrack(track, true, 2);
    };
    pc.levelCount = () => pc.levels.length;
    player.attach(video).then(() => player.load(url)).then(() => {
      pc.live = player.isLive();
      pc.levels = videoLevels();
      return play();
    }).catch((e) => error('shaka-player load: ' + (e && e.code != null ? describe(e) : String(e && e.message || e)),
      true));
  } else {
    if (!window.dashjs) return error('dash.js not loaded', true);
    if (mode === 'smooth' && !dashjs.MssHandler) return error('the MSS part of dash.js not loaded', true);
    const player = dashjs.MediaPlayer().create();
    const events = dashjs.MediaPlayer.events;
    pc.player = 'dash.js ' + player.getVersion() + (mode === 'smooth' ? ' (mss)' : '');
    player.updateSettings({
      debug: { logLevel: dashjs.Debug.LOG_LEVEL_WARNING },
      streaming: {
        abr: { autoSwitchBitrate: { video: !switching } },
        // dash.js would ask a public time server for the time of a live stream: use the stream's own server
        utcSynchronization: { enabled: false,
          defaultTimingSource: { scheme: 'urn:mpeg:dash:utc:http-head:2014', value: url } },
      },
    });
    player.on(events.ERROR, (e) => {
      const cause = e.error || {};
      error('dash.js error ' + (cause.code != null ? cause.code + ' ' : '') +
        (cause.message || JSON.stringify(cause)).slice(0, 300), true);
    });
    player.on(events.PLAYBACK_ERROR, (e) => error('dash.js playback error ' +
      JSON.stringify(e.error || '').slice(0, 300), true));
    player.on(events.STREAM_INITIALIZED, () => {
      pc.live = player.isDynamic();
      pc.levels = player.getRepresentationsByType('video').map((r) => ({ bitrate: r.bandwidth, width: r.width,
        height: r.height, codecs: r.codecs, id: r.id }));
    });
    player.on(events.FRAGMENT_LOADING_COMPLETED, (e) => {
      const request = e.request || {};
      if (request.type === 'InitializationSegment') return;
      pc.fragments++;
      if (request.mediaType === 'video' && request.representation) loaded(request.representation.bandwidth);
    });
    pc.setLevel = (i) => player.setRepresentationForTypeByIndex('video', i, false);
    pc.levelCount = () => player.getRepresentationsByType('video').length;
    player.initialize(video, url, true);
    // without a rendering div dash.js drops the TTML cues it parsed
    player.attachTTMLRenderingDiv(document.getElementById('captions'));
  }
  return undefined;
}

// Runs in the page: what the harness needs to know now.
function pageState() {
  const video = document.getElementById('v');
  const pc = window.__pc;
  const ranges = [];
  for (let i = 0; i < video.played.length; i++) ranges.push([video.played.start(i), video.played.end(i)]);
  return { ranges, progress: pc.meter ? pc.meter.progress : 0, currentTime: video.currentTime, paused: video.paused,
    readyState: video.readyState, fatal: pc.fatal, errors: pc.errors, levels: pc.levels,
    levelsPlayed: pc.levelsPlayed, fragments: pc.fragments, live: pc.live, player: pc.player, playing: pc.playing,
    levelCount: pc.levelCount(), textTracks: textTracks(video) };

  // the text tracks and their cues; dash.js gives a TTML cue no text but the imsc document (isd) it renders
  function textTracks(element) {
    const isdText = (node) => (node.kind === 'br' ? '\n' : node.text || '') + (node.contents || []).map(isdText).join('');
    const tracks = [];
    for (let i = 0; i < element.textTracks.length; i++) {
      const track = element.textTracks[i];
      const cues = [];
      for (let j = 0; track.cues && j < track.cues.length; j++) {
        const cue = track.cues[j];
        cues.push({ start: cue.startTime, end: cue.endTime, text: cue.text || (cue.isd ? isdText(cue.isd) : '') });
      }
      tracks.push({ kind: track.kind, label: track.label, language: track.language, mode: track.mode, cues });
    }
    return tracks;
  }
}


// Every cue a text track has shown so far: players drop cues behind the playhead.
function seenCues(seen, tracks) {
  tracks.forEach((track, i) => {
    const known = seen.get(i) || Object.assign({}, track, { cues: [] });
    track.cues.forEach((cue) => {
      if (!known.cues.some((c) => c.start === cue.start && c.text === cue.text)) known.cues.push(cue);
    });
    seen.set(i, Object.assign(known, { mode: track.mode }));
  });
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const began = Date.now();
  const result = { ok: false, mode: o.mode, url: o.url, required: o.seconds, advanced: 0, currentTime: null,
    elapsed: null, live: null, player: null, browser: null, errors: [], fatal: null, levels: [], levelsPlayed: [],
    qualityLevelsRequested: [], fragments: 0, http: { requests: 0, errors: [] }, textTracks: [] };
  const finish = (status) => {
    result.elapsed = round((Date.now() - began) / 1000, 1);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(status);
  };
  const executable = chromium(o.chromium);
  if (!executable) {
    result.fatal = 'no Chromium: install Debian\'s chromium, or give --chromium or $CHROMIUM';
    return finish(2);
  }
  let playwright;
  const libraries = {};
  try {
    playwright = require('playwright-core');
    for (const [name, module] of Object.entries(LIBRARIES[o.mode])) libraries[name] = fs.readFileSync(require.resolve(module));
  } catch (e) {
    result.fatal = 'the player packages are not installed: run npm ci in ' + __dirname + ' (' + e.message + ')';
    return finish(2);
  }

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'play-check-'));
  let context = null;
  let status = 1;
  try {
    context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: executable,
      headless: false, // the flag below says which headless mode; Playwright's own choice is not wanted here
      viewport: { width: 640, height: 360 },
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
        '--autoplay-policy=no-user-gesture-required', '--mute-audio',
        '--host-resolver-rules=' + playback.resolverRules(o.url)],
    });
    const tab = context.pages()[0] || await context.newPage();
    const devtools = await context.newCDPSession(tab);
    result.browser = (await devtools.send('Browser.getVersion')).product;
    await devtools.detach();
    const harness = new URL(o.url).origin + '/__play-check__/';
    await tab.route(harness + '**', (route) => {
      const name = route.request().url().slice(harness.length).split('?')[0];
      if (name === 'index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: page(o.mode) });
      if (libraries[name]) {
        return route.fulfill({ status: 200, contentType: 'application/javascript', body: libraries[name] });
      }
      return route.fulfill({ status: 404, body: 'no such harness file' });
    });
    const qualityLevels = new Set();
    tab.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(harness)) return;
      result.http.requests++;
      if (o.verbose) process.stderr.write('[http] ' + response.status() + ' ' + url + '\n');
      if (response.status() >= 400 && result.http.errors.length < 20) result.http.errors.push(response.status() + ' ' + url);
      const level = /QualityLevels\(([^)]*)\)/i.exec(decodeURIComponent(url));
      if (level) qualityLevels.add(level[1]);
    });
    tab.on('requestfailed', (request) => {
      if (result.http.errors.length < 20) {
        result.http.errors.push('failed ' + (request.failure() || {}).errorText + ' ' + request.url());
      }
    });
    tab.on('console', (message) => {
      if (o.verbose) process.stderr.write('[browser ' + message.type() + '] ' + message.text() + '\n');
    });
    tab.on('pageerror', (e) => { if (result.errors.length < 50) result.errors.push('page error: ' + e.message); });

    await tab.goto(harness + 'index.html', { waitUntil: 'load', timeout: 15000 });
    await tab.evaluate(([start, mode, url, switching, maxStep]) => {
      // eslint-disable-next-line no-new-func
      new Function('return ' + start)()(mode, url, switching, maxStep);
    }, [startPlayer.toString(), o.mode, o.url, o.switch, playback.MAX_STEP]);

    const deadline = began + o.timeout * 1000;
    const switcher = { playing: false, levelCount: 0, lastSwitch: 0, picks: 0 };
    let state;
    let played;
    const textTracks = new Map();
    for (;;) {
      state = await tab.evaluate(pageState);
      seenCues(textTracks, state.textTracks);
      played = playback.playedSeconds(state.ranges, state.progress);
      if (state.fatal || played >= o.seconds || Date.now() > deadline) break;
      if (o.switch) {
        Object.assign(switcher, { playing: state.playing, levelCount: state.levelCount });
        const level = playback.nextSwitch(switcher, Date.now(), SWITCH_INTERVAL_MS);
        if (level !== null) await tab.evaluate((i) => window.__pc.setLevel(i), level);
      }
      await tab.waitForTimeout(250);
    }
    Object.assign(result, { advanced: round(played, 3), currentTime: round(state.currentTime, 3), live: state.live,
      player: state.player, errors: state.errors.concat(result.errors), fatal: state.fatal, levels: state.levels,
      levelsPlayed: state.levelsPlayed, fragments: state.fragments, qualityLevelsRequested: [...qualityLevels],
      textTracks: [...textTracks.values()].map((t) => Object.assign(t, { cues: t.cues.map((c) => ({
        start: round(c.start, 3), end: round(c.end, 3), text: c.text })) })) });
    if (!state.fatal && played < o.seconds) {
      result.fatal = 'timeout: ' + played.toFixed(2) + ' s of ' + o.seconds + ' s played (readyState ' +
        state.readyState + ', paused ' + state.paused + ')';
    }
    if (o.screenshot) await tab.screenshot({ path: o.screenshot });
    result.ok = !result.fatal;
    status = result.ok ? 0 : 1;
  } catch (e) {
    result.fatal = 'harness error: ' + String(e && e.message || e).split('\n')[0];
  } finally {
    if (context) await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return finish(status);
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ ok: false, fatal: 'harness error: ' + e.message }) + '\n');
  process.exit(1);
});
