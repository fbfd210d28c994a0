package readability

import (
	"reflect"
	"strconv"
	"sync"
	"testing"
)

// TestMemoKeys changes each part of the memo's key, the text and the
// fallback language, and checks the memo answers as Analyse does each time,
// also after the other key's answer was remembered.
func TestMemoKeys(t *testing.T) {
	tests := []struct {
		name, text string
		fallback   Lang
	}{
		{"Dutch", "De camera filmt de Markt. Beelden worden gewist.", English},
		{"another text", "De camera filmt het plein. Beelden worden teneinde gewist.", English},
		{"English", "The camera films the square. Images are deleted after four weeks.", Dutch},
		{"no common words, Dutch fallback", "Camera's filmen. Beelden verdwijnen.", Dutch},
		{"no common words, English fallback", "Camera's filmen. Beelden verdwijnen.", English},
		{"no common words, no fallback", "Camera's filmen. Beelden verdwijnen.", ""},
		{"empty", "", Dutch},
	}
	memo := NewMemo()
	for range 2 { // the second round answers from the memo
		for _, tt := range tests {
			want := analyseOr(tt.text, tt.fallback)
			if got := memo.Analyse(tt.text, tt.fallback); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: memo gives %+v, want %+v", tt.name, got, want)
			}
		}
	}
	if a, b := memo.Analyse(tests[3].text, Dutch), memo.Analyse(tests[3].text, English); a.Lang == b.Lang {
		t.Errorf("the fallback is not part of the key: both %s", a.Lang)
	}
	var none *Memo
	if got, want := none.Analyse(tests[0].text, English), analyseOr(tests[0].text, English); !reflect.DeepEqual(got, want) {
		t.Errorf("nil memo gives %+v, want %+v", got, want)
	}
}

// TestMemoSharedSlot fills the memo with more texts than it has slots, so
// texts share slots, and checks every answer is its own text's.
func TestMemoSharedSlot(t *testing.T) {
	memo := NewMemo()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2 * memoSlots {
				text := "Zin " + strconv.Itoa(i) + " met " + strconv.Itoa(w) + " woorden."
				for range i % 3 {
					text += " En nog een zin erbij."
				}
				if got, want := memo.Analyse(text, Dutch), analyseOr(text, Dutch); !reflect.DeepEqual(got, want) {
					t.Errorf("%q: memo gives %+v, want %+v", text, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
