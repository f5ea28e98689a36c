//! Criterion bench: the lexicon matcher over the sample-article corpus
//! (or the articles named by `BILAN_BENCH_CORPUS`, see `bilan_bench`)
//! (1 MiB), reported as MB/s (decimal, 10^6 bytes: the unit of the 200 MB/s
//! goal) on one core.
//!
//! A second function gives a reference point: a plain Aho-Corasick
//! automaton (leftmost-longest, ASCII case-insensitive) built from every
//! name and variant spelling of the lexicon, run with `find_iter` over the
//! same corpus. It shows what the raw automaton costs next to the full
//! matcher (folding, checks on the original text, context, linking); it
//! finds far less (no transliteration folding, no word boundaries, no
//! context), so it is a floor, not a competitor.
use aho_corasick::{AhoCorasick, MatchKind};
use bilan_lexicon::Lexicon;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(1 << 20);
    let lexicon = Lexicon::embedded();
    // Build the automaton outside the measurement.
    black_box(lexicon.find("Aarsal"));
    let mut group = c.benchmark_group("matcher");
    group.throughput(Throughput::BytesDecimal(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("find_1MiB", |b| {
        b.iter(|| black_box(lexicon.find(black_box(&corpus))))
    });
    group.finish();
}

fn peers(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(1 << 20);
    let spellings: Vec<&str> = Lexicon::embedded()
        .entries()
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.variants.iter().map(String::as_str)))
        .filter(|s| !s.is_empty())
        .collect();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&spellings)
        .expect("the lexicon's spellings build an automaton");
    let mut group = c.benchmark_group("matcher_peers");
    group.throughput(Throughput::BytesDecimal(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("aho_corasick_variants_1MiB", |b| {
        b.iter(|| black_box(automaton.find_iter(black_box(&corpus)).count()))
    });
    group.finish();
}

criterion_group!(benches, bench, peers);
criterion_main!(benches);
