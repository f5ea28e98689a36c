//! Criterion bench of bilan-claims: `Extractor::extract` over the shared
//! corpus (`bilan_bench::corpus`, the sample articles of `examples/articles/`,
//! or the articles named by `BILAN_BENCH_CORPUS`,
//! repeated to at least 1 MiB), reported as throughput in MB/s (decimal,
//! 10^6 bytes: the unit the project's speed goals are stated in). Parsing
//! and entity finding happen once, outside the timed loop; `quantity::scan`
//! alone is timed too, since `extract` includes it.
//!
//! `claims_peers` gives a reference point: one `regex` for French figures
//! (a qualifier, digits with thousands groups or a number word or
//! collective, then a unit or casualty word) run with `find_iter` over the
//! same corpus. It reads no number, no meaning and no link, so it is a
//! floor for "finding the figures", not a competitor.

use std::hint::black_box;

use bilan_article::Span;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// At least this many bytes of text per iteration.
const CORPUS_BYTES: usize = 1 << 20;

fn claims(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(CORPUS_BYTES);
    let article = bilan_article::parse(&corpus);
    let entities = bilan_lexicon::Lexicon::embedded().find(&corpus);
    let extractor = bilan_claims::Extractor::new();

    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::BytesDecimal(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("extract (parse and entities done)", |b| {
        b.iter(|| black_box(extractor.extract(black_box(&corpus), &article, &entities)))
    });
    group.bench_function("quantity::scan per sentence", |b| {
        b.iter(|| {
            let mut n = 0;
            for sentence in &article.sentences {
                n += bilan_claims::quantity::scan(black_box(&corpus), sentence.span).len();
            }
            black_box(n)
        })
    });
    group.bench_function("quantity::scan whole text", |b| {
        b.iter(|| {
            black_box(bilan_claims::quantity::scan(
                black_box(&corpus),
                Span::new(0, corpus.len()),
            ))
        })
    });
    group.finish();
}

/// A regular expression for French figures: what a hand-written finder
/// without a number reader or a meaning layer would look for.
const FIGURES: &str = r"(?i)(?-u:\b)(?:(?:plus de|au moins|près de|environ|moins de|jusqu'à) )?(?:\d{1,3}(?:[.\x{a0}\x{202f} ]\d{3})+|\d+(?:,\d+)?|une? (?:dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine|millier)|(?:des|plusieurs) (?:dizaines|centaines|milliers)|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quinze|vingt|trente|quarante|cinquante|soixante|cent|mille)(?-u:\b)(?: ?(?:km2|km²|%|pour cent|kilomètres?|km|mètres?|m|heures?|jours?|semaines?|mois|ans|tonnes?|kg|dollars?|civils|soldats|militaires|miliciens|combattants|personnes|morts|tués|blessés|prisonniers))?";

fn peers(c: &mut Criterion) {
    let corpus = bilan_bench::corpus(CORPUS_BYTES);
    let figures = regex::Regex::new(FIGURES).expect("the figures pattern compiles");
    let mut group = c.benchmark_group("claims_peers");
    group.throughput(Throughput::BytesDecimal(corpus.len() as u64));
    group.sample_size(20);
    group.bench_function("regex_figures", |b| {
        b.iter(|| black_box(figures.find_iter(black_box(&corpus)).count()))
    });
    group.finish();
}

criterion_group!(benches, claims, peers);
criterion_main!(benches);
