"""Regression corpus: news sentences written for newsgraph (not from any gold set).

Each row is (text, PLOVER type or None, source countries, target countries,
other acceptable types). The corpus is scored with the same scorer as the
PLOVER dev file; the thresholds sit a little under today's figures so that a
change which breaks a whole class of sentences fails here.
"""
from __future__ import annotations

import pytest

from newsgraph.evaluate.events import score_events
from newsgraph.pipeline.nlp import build_nlp, make_doc, run

ROWS = [
    ('Ukrainian forces shelled Russian positions near the town of Bakhmut on Monday, a military spokesman said.', 'ASSAULT', ['UKR'], ['RUS'], []),
    ('Gunmen killed five police officers in an attack on a checkpoint in northern Nigeria, officials said.', 'ASSAULT', [], ['NGA'], []),
    ('Israeli warplanes struck targets in the Gaza Strip overnight, the army said.', 'ASSAULT', ['ISR'], ['PSE'], []),
    ('A car bomb exploded outside a government building in Mogadishu, killing at least 12 people.', 'ASSAULT', [], ['SOM'], []),
    ('Turkish troops launched a ground offensive against Kurdish militants in northern Syria on Wednesday.', 'ASSAULT', ['TUR'], ['SYR'], []),
    ('Rebels abducted 30 aid workers in eastern Congo, the United Nations said.', 'ASSAULT', [], [], []),
    ('Police in Nairobi arrested 45 opposition supporters after clashes on Saturday.', 'COERCE', ['KEN'], ['KEN'], ['ASSAULT']),
    ('The Iranian authorities detained a French national accused of spying, state media reported.', 'COERCE', ['IRN'], ['FRA'], []),
    ("Myanmar's military government imposed martial law in several townships of Yangon.", 'COERCE', ['MMR'], ['MMR'], []),
    ('Chinese authorities confiscated thousands of books from a Hong Kong bookstore.', 'COERCE', ['CHN'], ['HKG'], []),
    ('Belarus banned the main opposition party ahead of the election.', 'COERCE', ['BLR'], ['BLR'], []),
    ('Thousands of protesters rallied in Tbilisi on Sunday against a proposed foreign agents law.', 'PROTEST', ['GEO'], ['GEO'], []),
    ('Farmers blocked highways across Poland to protest against grain imports from Ukraine.', 'PROTEST', ['POL'], ['UKR'], []),
    ('Tens of thousands of teachers went on strike in France over pension reforms.', 'PROTEST', ['FRA'], ['FRA'], []),
    ('Jailed activists in Bahrain began a hunger strike to demand better conditions.', 'PROTEST', ['BHR'], ['BHR'], []),
    ('Students demonstrated outside the parliament in Belgrade on Friday.', 'PROTEST', ['SRB'], ['SRB'], []),
    ('The European Union imposed new sanctions on Russian banks on Thursday.', 'SANCTION', [], ['RUS'], []),
    ('Canada expelled two Chinese diplomats over allegations of interference.', 'SANCTION', ['CAN'], ['CHN'], []),
    ('Morocco recalled its ambassador from Algeria after the border incident.', 'SANCTION', ['MAR'], ['DZA'], []),
    ('The United States suspended military aid to Niger after the coup.', 'SANCTION', ['USA'], ['NER'], []),
    ('Azerbaijan cut diplomatic ties with Iran following the embassy attack.', 'SANCTION', ['AZE'], ['IRN'], []),
    ('North Korea deployed additional troops along its border with China.', 'MOBILIZE', ['PRK'], ['CHN'], []),
    ('Russia mobilized 300,000 reservists last month, the defence ministry said.', 'MOBILIZE', ['RUS'], [], []),
    ('India moved extra troops to its disputed frontier with Pakistan.', 'MOBILIZE', ['IND'], ['PAK'], []),
    ('The Philippines accused China of harassing its vessels in the South China Sea.', 'ACCUSE', ['PHL'], ['CHN'], []),
    ('Human rights groups condemned the Egyptian government for the mass trial of activists.', 'ACCUSE', [], ['EGY'], []),
    ("Serbia's president criticized Kosovo for closing border crossings.", 'ACCUSE', ['SRB'], ['XKX'], []),
    ('Pakistan blamed India for the explosion at the border post.', 'ACCUSE', ['PAK'], ['IND'], []),
    ('Ukraine sued Russia at the International Court of Justice over the annexation.', 'ACCUSE', ['UKR'], ['RUS'], []),
    ('The International Criminal Court opened an investigation into alleged war crimes in Sudan.', 'INVESTIGATE', [], ['SDN'], []),
    ('Brazilian prosecutors are investigating the former president over the riots.', 'INVESTIGATE', ['BRA'], ['BRA'], []),
    ('UN inspectors will inspect the nuclear plant in Zaporizhzhia next week.', 'INVESTIGATE', [], ['UKR'], []),
    ('Germany urged Serbia and Kosovo to resume talks on normalising relations.', 'REQUEST', ['DEU'], ['SRB', 'XKX'], []),
    ('The African Union demanded that the junta in Niger release the detained president.', 'REQUEST', [], ['NER'], []),
    ('Japan asked China to lift its ban on seafood imports.', 'REQUEST', ['JPN'], ['CHN'], []),
    ('The Greek prime minister said Turkey must respect international law in the Aegean.', 'REQUEST', ['GRC'], ['TUR'], []),
    ('Venezuela rejected the sanctions imposed by Washington as illegal.', 'REJECT', ['VEN'], ['USA'], []),
    ('Hungary refused to approve the EU aid package for Ukraine.', 'REJECT', ['HUN'], ['UKR'], []),
    ('Hamas rejected an Israeli proposal for a temporary truce.', 'REJECT', ['PSE'], ['ISR'], []),
    ('Taiwan declined to join the talks proposed by Beijing.', 'REJECT', ['TWN'], ['CHN'], []),
    ('North Korea threatened to carry out a nuclear test if the drills continue.', 'THREATEN', ['PRK'], [], []),
    ('Russia warned it would cut gas supplies to Moldova unless the debt is paid.', 'THREATEN', ['RUS'], ['MDA'], []),
    ("Turkey threatened to block Sweden's bid to join NATO.", 'THREATEN', ['TUR'], ['SWE'], []),
    ('The ministers of Saudi Arabia and Iran met in Beijing on Thursday.', 'CONSULT', ['SAU', 'IRN'], [], []),
    ('French President Emmanuel Macron visited Morocco on Monday.', 'CONSULT', ['FRA'], ['MAR'], []),
    ('The Indian prime minister held talks with the Japanese prime minister in Tokyo.', 'CONSULT', ['IND'], ['JPN'], []),
    ('Egypt and Qatar mediated negotiations between Israel and Hamas in Cairo.', 'CONSULT', ['EGY', 'QAT'], ['ISR', 'PSE'], []),
    ('Kenya and Ethiopia signed a trade agreement in Addis Ababa.', 'AGREE', ['KEN', 'ETH'], [], ['SUPPORT']),
    ('Spain formally recognized the State of Palestine on Tuesday.', 'SUPPORT', ['ESP'], ['PSE'], []),
    ("Brazil praised Argentina's new government for its economic reforms.", 'SUPPORT', ['BRA'], ['ARG'], []),
    ('Armenia and Azerbaijan agreed to exchange prisoners of war.', 'AGREE', ['ARM', 'AZE'], [], []),
    ("Colombia's government and the rebels agreed on a ceasefire to begin in August.", 'AGREE', ['COL'], [], []),
    ('Norway promised to provide additional humanitarian aid to Afghanistan.', 'AGREE', ['NOR'], ['AFG'], []),
    ('Germany will send more air defence systems to Ukraine, the chancellor said.', 'AGREE', ['DEU'], ['UKR'], []),
    ('Japan delivered 50 tons of emergency supplies to earthquake victims in Turkey.', 'AID', ['JPN'], ['TUR'], []),
    ('The World Bank approved a loan of 500 million dollars for Kenya.', 'AID', [], ['KEN'], []),
    ('Sweden granted asylum to a Russian journalist.', 'AID', ['SWE'], ['RUS'], []),
    ('Russian troops withdrew from the city of Kherson, Moscow said.', 'RETREAT', ['RUS'], ['UKR'], []),
    ('The Taliban released two American citizens held in Kabul.', 'RETREAT', ['AFG'], ['USA'], []),
    ("Sri Lanka's president resigned after months of protests.", 'RETREAT', ['LKA'], [], []),
    ('Iran freed five prisoners in an exchange with the United States.', 'RETREAT', ['IRN'], ['USA'], []),
    ('The government of Peru lifted the state of emergency in Lima.', 'CONCEDE', ['PER'], ['PER'], []),
    ("Thailand's king pardoned hundreds of prisoners on his birthday.", 'CONCEDE', ['THA'], ['THA'], []),
    ('Poland and Ukraine agreed to share intelligence on border threats.', 'AGREE', ['POL', 'UKR'], [], ['COOPERATE']),
    ('Spain extradited a suspected hacker to the United States.', 'COOPERATE', ['ESP'], ['USA'], []),
    ('Pakistan and China held joint naval exercises in the Arabian Sea.', 'COOPERATE', ['PAK', 'CHN'], [], ['MOBILIZE']),
    ('The weather in Paris was mild on Tuesday.', None, [], [], []),
    ('Oil prices rose by two percent on Monday.', None, [], [], []),
    ('The company reported higher profits in the third quarter.', None, [], [], []),
    ('Sudanese paramilitary forces attacked a refugee camp in Darfur, killing dozens of civilians, aid groups said on Wednesday.', 'ASSAULT', ['SDN'], ['SDN'], []),
    ('At least 40 people were killed when Russian missiles hit a shopping centre in Kremenchuk, Ukrainian officials said.', 'ASSAULT', ['RUS'], ['UKR'], []),
    ('Houthi rebels fired a ballistic missile at a commercial ship in the Red Sea on Sunday.', 'ASSAULT', ['YEM'], [], []),
    ('Security forces in Iran shot dead three protesters in the city of Zahedan, a rights group said.', 'ASSAULT', ['IRN'], ['IRN'], []),
    ('Pakistani police detained the former prime minister outside a court in Islamabad.', 'COERCE', ['PAK'], ['PAK'], []),
    ('Georgian police used water cannon and tear gas to disperse demonstrators in Tbilisi late on Tuesday.', 'COERCE', ['GEO'], ['GEO'], ['ASSAULT']),
    ("Nicaragua's government shut down dozens of non-governmental organisations this year.", 'COERCE', ['NIC'], ['NIC'], []),
    ("Hundreds of Armenians rallied outside the government building in Yerevan, demanding the prime minister's resignation.", 'PROTEST', ['ARM'], ['ARM'], []),
    ('Dockworkers in Antwerp staged a 24-hour strike over working conditions.', 'PROTEST', ['BEL'], ['BEL'], []),
    ('Opposition supporters boycotted the parliamentary vote in Bangladesh.', 'PROTEST', ['BGD'], ['BGD'], []),
    ("Washington imposed sanctions on three Chinese companies accused of supplying Russia's military.", 'SANCTION', ['USA'], ['CHN'], []),
    ('Mali expelled the French ambassador and gave him 72 hours to leave the country.', 'SANCTION', ['MLI'], ['FRA'], []),
    ("Niger's junta ended military cooperation with France last year.", 'SANCTION', ['NER'], ['FRA'], []),
    ("China sent warships and fighter jets near Taiwan on Monday, the island's defence ministry said.", 'MOBILIZE', ['CHN'], ['TWN'], []),
    ('Venezuela massed troops on its border with Guyana, satellite images showed.', 'MOBILIZE', ['VEN'], ['GUY'], []),
    ('Israel accused Iran of supplying weapons to Hezbollah.', 'ACCUSE', ['ISR'], ['IRN'], []),
    ('The Indian foreign ministry denounced remarks by a Canadian official as absurd.', 'ACCUSE', ['IND'], ['CAN'], []),
    ('South Africa filed a case against Israel at the International Court of Justice.', 'ACCUSE', ['ZAF'], ['ISR'], []),
    ('Prosecutors in Guatemala launched a probe into the electoral tribunal.', 'INVESTIGATE', ['GTM'], ['GTM'], []),
    ('The OSCE sent monitors to observe the election in Kazakhstan.', 'INVESTIGATE', [], ['KAZ'], []),
    ('Saudi Arabia called on Israel to halt its military operations in Rafah.', 'REQUEST', ['SAU'], ['ISR'], []),
    ('The UN secretary-general urged both sides to return to the negotiating table.', 'REQUEST', [], [], []),
    ('Lithuania demanded that Belarus hand over the opposition activist.', 'REQUEST', ['LTU'], ['BLR'], []),
    ("Iran's supreme leader said the United States should leave the region.", 'REQUEST', ['IRN'], ['USA'], []),
    ("Serbia rejected Kosovo's request to join the Council of Europe.", 'REJECT', ['SRB'], ['XKX'], []),
    ("Israel's prime minister refused to accept a Palestinian state.", 'REJECT', ['ISR'], ['PSE'], []),
    ('The Kremlin dismissed a Ukrainian peace plan as unrealistic.', 'REJECT', ['RUS'], ['UKR'], []),
    ('Iran threatened to close the Strait of Hormuz if its oil exports are blocked.', 'THREATEN', ['IRN'], [], []),
    ('China warned it would take strong measures if the United States sold arms to Taiwan.', 'THREATEN', ['CHN'], ['USA'], []),
    ('The Turkish foreign minister met his Greek counterpart in Athens on Tuesday.', 'CONSULT', ['TUR'], ['GRC'], []),
    ('President Biden spoke by phone with the Chinese president on Wednesday.', 'CONSULT', ['USA'], ['CHN'], []),
    ('Delegations from Ethiopia and Egypt held talks on the Nile dam in Cairo.', 'CONSULT', ['ETH', 'EGY'], [], []),
    ('The Chinese premier visited Germany for three days of talks.', 'CONSULT', ['CHN'], ['DEU'], []),
    ('Finland and Sweden signed defence cooperation agreements with the United States.', 'AGREE', ['FIN', 'SWE'], ['USA'], ['SUPPORT', 'COOPERATE']),
    ('Saudi Arabia and Iran restored diplomatic relations after seven years.', 'SUPPORT', ['SAU', 'IRN'], [], []),
    ('The Indian prime minister congratulated the new president of Sri Lanka on his victory.', 'SUPPORT', ['IND'], ['LKA'], []),
    ('Ethiopia and the Tigrayan rebels agreed to a permanent cessation of hostilities.', 'AGREE', ['ETH'], [], []),
    ('The European Union pledged 50 billion euros in support for Ukraine.', 'AGREE', [], ['UKR'], []),
    ('Japan said it will provide 500 million dollars in aid to the Philippines.', 'AGREE', ['JPN'], ['PHL'], []),
    ('The United States sent 2,000 tons of food aid to Haiti.', 'AID', ['USA'], ['HTI'], []),
    ('Jordan has given refuge to thousands of Syrian refugees.', 'AID', ['JOR'], ['SYR'], []),
    ('Russian forces pulled out of the village after heavy fighting, the Ukrainian army said.', 'RETREAT', ['RUS'], [], ['ASSAULT']),
    ('Armed groups in Haiti released eight kidnapped missionaries.', 'RETREAT', ['HTI'], [], []),
    ('The Peruvian interior minister stepped down amid the protests.', 'RETREAT', ['PER'], [], []),
    ("Zimbabwe's government eased restrictions on opposition rallies.", 'CONCEDE', ['ZWE'], ['ZWE'], []),
    ('Belarus pardoned 18 political prisoners, state media reported.', 'CONCEDE', ['BLR'], ['BLR'], ['RETREAT']),
    ('Colombia handed over a suspected drug lord to the United States.', 'COOPERATE', ['COL'], ['USA'], []),
    ('Interest rates were left unchanged by the central bank.', None, [], [], []),
    ('The museum opened a new exhibition of French painting.', None, [], [], []),
    ('Heavy rain caused flooding in several districts of Jakarta.', None, [], [], []),
    ("Kenyan police fired tear gas at opposition supporters who tried to march on the president's office in Nairobi on Wednesday, witnesses said.", 'ASSAULT', ['KEN'], ['KEN'], ['COERCE']),
    ('Ethiopian government troops and Tigrayan forces clashed near the town of Alamata, leaving dozens dead, a regional official said.', 'ASSAULT', ['ETH'], ['ETH'], []),
    ('Colombian guerrillas kidnapped two oil workers in the eastern province of Arauca, the army said on Sunday.', 'ASSAULT', ['COL'], ['COL'], []),
    ('Saudi-led coalition aircraft bombed a Houthi-held military base near Sanaa overnight, residents said.', 'ASSAULT', ['SAU'], ['YEM'], []),
    ('Turkish authorities detained 35 journalists in dawn raids in Istanbul, state news agency Anadolu reported.', 'COERCE', ['TUR'], ['TUR'], []),
    ('The Cambodian government has ordered the closure of an independent radio station, accusing it of spreading false news.', 'COERCE', ['KHM'], ['KHM'], []),
    ('Israeli authorities demolished a Palestinian school in the occupied West Bank on Thursday, the United Nations said.', 'COERCE', ['ISR'], ['PSE'], ['ASSAULT']),
    ('Thousands of Hungarians marched through Budapest on Saturday to protest against a new labour law.', 'PROTEST', ['HUN'], ['HUN'], []),
    ('Bus drivers in London walked out on Monday in a dispute over pay, disrupting services across the city.', 'PROTEST', ['GBR'], ['GBR'], []),
    ('Rohingya refugees staged a sit-in outside the UN office in Dhaka demanding safe repatriation to Myanmar.', 'PROTEST', ['MMR'], ['MMR'], []),
    ('The Netherlands froze the assets of a Russian oligarch under EU sanctions rules.', 'SANCTION', ['NLD'], ['RUS'], []),
    ('Burkina Faso suspended broadcasts of French radio station RFI, the government spokesman said.', 'SANCTION', ['BFA'], ['FRA'], ['COERCE']),
    ('Argentina broke off diplomatic relations with Nicaragua following the expulsion of its ambassador.', 'SANCTION', ['ARG'], ['NIC'], []),
    ('Azerbaijan has deployed heavy artillery along the line of contact in Nagorno-Karabakh, Armenian officials said.', 'MOBILIZE', ['AZE'], ['AZE'], []),
    ('Serbia put its army on the highest level of combat readiness near the Kosovo border.', 'MOBILIZE', ['SRB'], ['XKX'], []),
    ('Moscow accused Kyiv of attacking a nuclear power plant with drones.', 'ACCUSE', ['RUS'], ['UKR'], []),
    ('The Armenian foreign ministry condemned the shelling of civilian areas by Azerbaijani forces.', 'ACCUSE', ['ARM'], ['AZE'], []),
    ('Amnesty International criticised Qatar over the treatment of migrant workers.', 'ACCUSE', [], ['QAT'], []),
    ('French prosecutors have opened an inquiry into the killing of a teenager by police in Nanterre.', 'INVESTIGATE', ['FRA'], ['FRA'], []),
    ('Chinese leader Xi Jinping called on the United States to stop arming Taiwan.', 'REQUEST', ['CHN'], ['USA'], []),
    ('Poland demanded that Germany pay reparations for damage caused during World War Two.', 'REQUEST', ['POL'], ['DEU'], []),
    ('Protesters asked the government to reverse the fuel price increase.', 'REQUEST', [], [], ['PROTEST']),
    ('Eritrea rejected accusations by the United States that its troops committed atrocities in Tigray.', 'REJECT', ['ERI'], ['USA'], []),
    ('The Pakistani government turned down an Afghan request to reopen the border crossing.', 'REJECT', ['PAK'], ['AFG'], []),
    ("Turkey's president threatened to launch a new military operation in northern Syria.", 'THREATEN', ['TUR'], ['SYR'], []),
    ('The rebels vowed to attack government positions unless talks resume.', 'THREATEN', [], [], []),
    ('Egyptian President Abdel Fattah al-Sisi received the Sudanese army chief in Cairo on Tuesday.', 'CONSULT', ['EGY'], ['SDN'], []),
    ('The foreign ministers of India and China met on the sidelines of the summit in Bali.', 'CONSULT', ['IND', 'CHN'], [], []),
    ('Qatar hosted indirect talks between the United States and the Taliban.', 'CONSULT', ['QAT'], ['USA', 'AFG'], []),
    ("Kazakhstan's president expressed support for the territorial integrity of Ukraine.", 'SUPPORT', ['KAZ'], ['UKR'], []),
    ('Israel and Morocco established full diplomatic relations in December.', 'SUPPORT', ['ISR', 'MAR'], [], []),
    ('North Korea offered to hold talks with South Korea on reuniting separated families.', 'AGREE', ['PRK'], ['KOR'], []),
    ('The two governments agreed to reopen their embassies next month.', 'AGREE', [], [], []),
    ('Turkey sent rescue teams and tents to earthquake-hit areas of Syria.', 'AID', ['TUR'], ['SYR'], []),
    ('The International Monetary Fund approved a 3 billion dollar loan for Pakistan.', 'AID', [], ['PAK'], []),
    ('Israeli forces withdrew from the Jenin refugee camp after a two-day operation.', 'RETREAT', ['ISR'], ['PSE'], []),
    ('The Malian junta released 46 Ivorian soldiers detained since July.', 'RETREAT', ['MLI'], ['CIV'], []),
    ("Myanmar's military freed thousands of prisoners under an amnesty.", 'RETREAT', ['MMR'], ['MMR'], ['CONCEDE']),
    ('The Sri Lankan government lifted a curfew in Colombo on Monday.', 'CONCEDE', ['LKA'], ['LKA'], []),
    ('Greece and Turkey agreed to boost trade and cooperate on migration.', 'AGREE', ['GRC', 'TUR'], [], ['COOPERATE']),
    ('The stock market fell sharply on Wednesday amid fears of recession.', None, [], [], []),
    ('Parliament will debate the budget next week.', None, [], [], []),
]


@pytest.fixture(scope="module")
def scored():
    nlp = build_nlp(["newsgraph_events"])
    docs = [make_doc(nlp, text, str(i), "2023-01-01") for i, (text, *_rest) in enumerate(ROWS)]
    preds = [list(doc._.ng_events) for doc in run(nlp, docs)]
    gold = [{"gold": {"type": kind, "other_types": other,
                      "source": [{"country": c} for c in src], "target": [{"country": c} for c in tgt]}}
            for _text, kind, src, tgt, other in ROWS]
    return gold, preds


def test_sentences_without_events_stay_empty(scored):
    gold, preds = scored
    assert [p for g, p in zip(gold, preds) if g["gold"]["type"] is None] == [[]] * sum(
        1 for g in gold if g["gold"]["type"] is None)


def test_corpus_scores(scored):
    gold, preds = scored
    rows = [(g, p) for g, p in zip(gold, preds) if g["gold"]["type"]]
    scores = score_events([g for g, _ in rows], [p for _, p in rows])
    assert scores["type_recall"] >= 0.90
    assert scores["type_precision"] >= 0.90
    assert scores["source_country_accuracy"] >= 0.85
    assert scores["target_country_accuracy"] >= 0.75
    assert scores["events_per_sentence"] <= 1.3
