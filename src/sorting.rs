//! A stable insertion sort for the short lists the app orders (a lesson's stops, a day's
//! events, the glossary's entries): a few dozen items at most, where it is as quick as
//! the standard library's sorts, whose copies for each key type added about 7 KB gzipped.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order, as `slice::sort_by`
/// does. Quadratic: for short lists only.
pub fn sort_small_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `items` by `key`, keeping equal items in their order, as `slice::sort_by_key`
/// does. Quadratic: for short lists only.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_small_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_sorts_as_the_standard_stable_sort_does() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ((state % 5) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut by = items.clone();
            sort_small_by(&mut by, |a, b| a.0.cmp(&b.0));
            sort_small_by_key(&mut items, |item| item.0);
            assert_eq!(items, expected, "length {len}");
            assert_eq!(by, expected, "length {len}");
        }
    }
}
