"""The TeX commands and environments MathJax knows (Anki's renderer; Quarto's too), for `latex_check`.

Collected from the TokenMaps of MathJax-src (ts/input/tex, commit df47dee9, May 2026): every package but `physics`,
which neither Anki nor Quarto loads. Letters-only names; a control symbol (`\\,`, `\\{`, `\\|` …) is always known.
"""

from __future__ import annotations

MATHJAX_MACROS = frozenset("""
AA AXC Aboxed And Approxcolon ArrowBetweenLines Arrowvert Axiom AxiomC BIC Bbb Bbbk Big Bigg Biggl Biggm Biggr Bigl
Bigm Bigr BinaryInf BinaryInfC Box Bra Braket Bumpeq Cap Colonapprox Colondash Coloneq Coloneqq Colonsim Cup
Dashcolon DeclareMathOperator DeclarePairedDelimiter DeclarePairedDelimiterX DeclarePairedDelimiterXPP
DeclarePairedDelimiters DeclarePairedDelimitersX DeclarePairedDelimitersXPP Delta Diamond Doteq Downarrow Eqcolon
Eqqcolon Finv Game Gamma HUGE Huge Im Join Ket Ketbra LARGE LL LaTeX Lambda Large LeftLabel Leftarrow Leftrightarrow
Lleftarrow Longleftarrow Longleftrightarrow Longrightarrow Lsh MTFlushSpaceAbove MTFlushSpaceBelow MTThinColon
MakeAboxedCommand MoveEqLeft Newextarrow Omega Phi Pi Pr Psi QuaternaryInf QuaternaryInfC QuinaryInf QuinaryInfC RL
Re RightLabel Rightarrow Rrightarrow Rsh Rule S SMALL Set Sigma Simcolon Small Space Subset Supset TIC TeX Theta
Tiny TrinaryInf TrinaryInfC U UIC UnaryInf UnaryInfC Uparrow Updelta Updownarrow Upgamma Uplambda Upomega Upphi Uppi
Uppsi Upsigma Upsilon Uptheta Upupsilon Upxi Vdash Vert Vvdash Xi above abovewithdelims acute adjustlimits aleph
allowbreak alpha alwaysDashedLine alwaysNoLine alwaysRootAtBottom alwaysRootAtTop alwaysSingleLine alwaysSolidLine
amalg angle approx approxcolon approxeq arccos arcsin arctan arg array arrowvert ast asymp atop atopwithdelims
backepsilon backprime backsim backsimeq backslash badbreak bar barwedge bbDelta bbGamma bbLambda bbLangle bbLbrack
bbLparen bbOmega bbPhi bbPi bbPsi bbRangle bbRbrack bbRparen bbSigma bbTheta bbUpsilon bbXi bbalpha bbbeta bbchi
bbdelta bbdotlessi bbdotlessj bbepsilon bbeta bbgamma bbiota bbkappa bblambda bbmu bbnu bbomega bbox bbphi bbpi
bbpsi bbrho bbsigma bbtau bbtheta bbupsilon bbxi bbzeta bcancel because begin begingroup begingroupReset
begingroupSandbox beta beth between bf bfbbDelta bfbbGamma bfbbLambda bfbbLangle bfbbLbrack bfbbLparen bfbbOmega
bfbbPhi bfbbPi bfbbPsi bfbbRangle bfbbRbrack bfbbRparen bfbbSigma bfbbTheta bfbbUpsilon bfbbXi bfbbalpha bfbbbeta
bfbbchi bfbbdelta bfbbdotlessi bfbbdotlessj bfbbepsilon bfbbeta bfbbgamma bfbbiota bfbbkappa bfbblambda bfbbmu
bfbbnu bfbbomega bfbbphi bfbbpi bfbbpsi bfbbrho bfbbsigma bfbbtau bfbbtheta bfbbupsilon bfbbxi bfbbzeta big bigcap
bigcirc bigcup bigg biggl biggm biggr bigl bigm bigodot bigoplus bigotimes bigr bigsqcup bigstar bigtimes
bigtriangledown bigtriangleup biguplus bigvee bigwedge binom blacklozenge blacksquare blacktriangle
blacktriangledown blacktriangleleft blacktriangleright bmod boldsymbol bot bowtie boxdot boxed boxminus boxplus
boxtimes bra brace bracevert brack braket break breakAlign breve buildrel bullet bumpeq cal cancel cancelto cap
cases cdot cdotp cdots ce cellcolor celsius centerOver centerdot centernot cfrac char check checkmark chi choose
circ circeq circlearrowleft circlearrowright circledR circledS circledast circledcirc circleddash clap class
clubsuit colon colonapprox colondash coloneq coloneqq colonsim color colorbox columncolor complement cong coprod cos
cosh cot coth cr cramped crampedclap crampedllap crampedrlap crampedsubstack csc cssId cup curlyeqprec curlyeqsucc
curlyvee curlywedge curvearrowleft curvearrowright dagger daleth dashcolon dashedLine dashleftarrow dashrightarrow
dashv data dbinom dblcolon ddagger ddddot dddot ddot ddots def definecolor deg degree delta det dfrac diagdown
diagup diamond diamondsuit digamma dim displaylines displaystyle div divideontimes dot doteq doteqdot dotplus dots
dotsb dotsc dotsi dotsm dotso doublebarwedge doublecap doublecup downarrow downdownarrows downharpoonleft
downharpoonright ell emph empheqbigl empheqbiglVert empheqbiglangle empheqbiglbrace empheqbiglbrack empheqbiglceil
empheqbiglfloor empheqbiglparen empheqbiglvert empheqbigr empheqbigrVert empheqbigrangle empheqbigrbrace
empheqbigrbrack empheqbigrceil empheqbigrfloor empheqbigrparen empheqbigrvert empheql empheqlVert empheqlangle
empheqlbrace empheqlbrack empheqlceil empheqlfloor empheqlparen empheqlvert empheqr empheqrVert empheqrangle
empheqrbrace empheqrbrack empheqrceil empheqrfloor empheqrparen empheqrvert emptyset enclose end endgroup enspace
epsilon eqalign eqalignno eqcirc eqcolon eqqcolon eqref eqsim eqslantgtr eqslantless equiv eta eth exists exp
fCenter fallingdotseq fbox fcolorbox flat footnotesize forall frac frak framebox frown gamma gcd gdef ge genfrac geq
geqq geqslant gets gg ggg gggtr gimel global gnapprox gneq gneqq gnsim goodbreak grave gt gtrapprox gtrdot gtreqless
gtreqqless gtrless gtrsim gvertneqq hat hbar hbox hdashline heartsuit hfil hfill hfilll hline hom hookleftarrow
hookrightarrow hphantom href hsize hskip hslash hspace huge iddots idotsint iff iiiint iiint iint imath imathbb
imathbfbb impliedby implies in inf infty injlim int intercal intop iota it itextbb itextbfbb jmath jmathbb jmathbfbb
jtextbb jtextbfbb kappa ker kern ket ketbra lVert label lambda land langle large lbrace lbrack lceil ldotp ldots le
leadsto left leftarrow leftarrowtail leftharpoondown leftharpoonup leftleftarrows leftrightarrow leftrightarrows
leftrightharpoons leftrightsquigarrow leftroot leftthreetimes leq leqalignno leqq leqslant lessapprox lessdot
lesseqgtr lesseqqgtr lessgtr lesssim let lfloor lg lgroup lhd lim liminf limits limsup ll llap llcorner lll llless
lmoustache ln lnapprox lneq lneqq lnot lnsim log longleftarrow longleftrightarrow longmapsto longrightarrow
looparrowleft looparrowright lor lower lozenge lparen lrcorner lt ltimes lvert lvertneqq makebox maltese mapsto
mathbb mathbbm mathbbmss mathbbmtt mathbf mathbfbb mathbfcal mathbffrak mathbfit mathbfscr mathbfsf mathbfsfit
mathbfsfup mathbfup mathbin mathcal mathchoice mathclap mathclose mathds mathfrak mathinner mathit mathllap
mathmakebox mathmbox mathnormal mathop mathopen mathord mathpunct mathrel mathring mathrlap mathrm mathscr mathsf
mathsfit mathsfup mathstrut mathtip mathtoolsset mathtt mathup mathversion matrix max mbox measuredangle
mhchemBondDTD mhchemBondTD mhchemBondTDD mhchemleftarrow mhchemleftrightarrow mhchemlongLeftrightharpoons
mhchemlongRightleftharpoons mhchemlongleftarrow mhchemlongleftrightarrow mhchemlongleftrightarrows
mhchemlongrightarrow mhchemlongrightleftharpoons mhchemrightarrow mhchemxLeftrightharpoons mhchemxRightleftharpoons
mhchemxleftarrow mhchemxleftrightarrow mhchemxleftrightarrows mhchemxrightarrow mhchemxrightleftharpoons mho micro
mid middle min minCDarrowheight minCDarrowwidth mit mkern mmlToken mod models moveleft moveright mp mskip mspace mu
multimap nLeftarrow nLeftrightarrow nRightarrow nVDash nVdash nabla natural ncong ndownarrow ne nearrow neg
negmedspace negthickspace negthinspace neq newcolumntype newcommand newenvironment newline newtagform nexists ngeq
ngeqq ngeqslant ngtr ni nicefrac nleftarrow nleftrightarrow nleq nleqq nleqslant nless nmid noLine nobreak
nobreakspace nolimits nonscript nonumber normalsize not notChar notag notin nparallel nprec npreceq nrightarrow
nshortmid nshortparallel nsim nsubseteq nsubseteqq nsucc nsucceq nsupseteq nsupseteqq ntriangleleft ntrianglelefteq
ntriangleright ntrianglerighteq nu nuparrow nvDash nvdash nwarrow odot ohm oiiint oiint oint ointop oldstyle omega
omicron ominus operatorname oplus ordinarycolon oslash otimes over overbrace overbracket overleftarrow
overleftrightarrow overline overparen overrightarrow overset overunderset overwithdelims owns parallel parbox
partial perp perthousand phantom phi pi pitchfork pm pmatrix pmb pmod pod prec precapprox preccurlyeq preceq
precnapprox precneqq precnsim precsim prescript prime prod projlim propto psi pu qquad quad rVert raise rangle
rbrace rbrack rceil ref refeq renewcommand renewenvironment renewtagform require restriction rfloor rgroup rhd rho
right rightarrow rightarrowtail rightharpoondown rightharpoonup rightleftarrows rightleftharpoons rightrightarrows
rightsquigarrow rightthreetimes risingdotseq rlap rm rmoustache root rootAtBottom rootAtTop rowcolor rparen rtimes
rule rvert scriptscriptstyle scriptsize scriptstyle searrow sec set setOptions setminus sf sharp shortmid
shortparallel shortvdotswithin shoveleft shoveright sideset sigma sim simcolon simeq sin singleLine sinh skew small
smallfrown smallint smallsetminus smallsmile smash smile solidLine space spadesuit sphericalangle splitdfrac
splitfrac sqcap sqcup sqrt sqsubset sqsubseteq sqsupset sqsupseteq square stackbin stackrel star strut style subset
subseteq subseteqq subsetneq subsetneqq substack succ succapprox succcurlyeq succeq succnapprox succneqq succnsim
succsim sum sup supset supseteq supseteqq supsetneq supsetneqq surd swarrow symbb symbf symbfcal symbffrak symbfit
symbfscr symbfsf symbfsfit symbfsfup symbfup symcal symfrak symit symnormal symrm symscr symsf symsfit symsfup symtt
symup tag tan tanh tau tbinom text textacutedbl textasciiacute textasciibreve textasciicaron textasciicircum
textasciidieresis textasciimacron textasciitilde textasteriskcentered textbackslash textbaht textbar textbardbl
textbb textbf textbfbb textbigcircle textblank textborn textbraceleft textbraceright textbrokenbar textbullet
textcelsius textcent textcentoldstyle textcircledP textclap textcolonmonetary textcolor textcompwordmark
textcopyleft textcopyright textcurrency textdagger textdaggerdbl textdegree textdied textdiscount textdiv
textdivorced textdollar textdollaroldstyle textdong textdownarrow texteightoldstyle textellipsis textemdash
textendash textestimated texteuro textexclamdown textfiveoldstyle textflorin textfouroldstyle textfractionsolidus
textgravedbl textgreater textguarani textinterrobang textinterrobangdown textit textlangle textlbrackdbl
textleftarrow textless textlira textllap textlnot textlquill textmarried textmho textminus textmu textmusicalnote
textnaira textnineoldstyle textnormal textnumero textohm textonehalf textoneoldstyle textonequarter textonesuperior
textopenbullet textordfeminine textordmasculine textparagraph textperiodcentered textpertenthousand textperthousand
textpeso textpm textquestiondown textquotedblleft textquotedblright textquoteleft textquoteright textrangle
textrbrackdbl textrecipe textreferencemark textregistered textrightarrow textrlap textrm textrquill textsection
textservicemark textsevenoldstyle textsf textsixoldstyle textsterling textstyle textsurd textthreeoldstyle
textthreequarters textthreesuperior texttildelow texttimes texttip texttrademark texttt texttwooldstyle
texttwosuperior textunderscore textup textuparrow textvisiblespace textwon textyen textzerooldstyle tfrac therefore
theta thickapprox thicksim thinspace tilde times tiny to toggle top triangle triangledown triangleleft
trianglelefteq triangleq triangleright trianglerighteq tripledash tt twoheadleftarrow twoheadrightarrow txtbbDelta
txtbbGamma txtbbLambda txtbbLangle txtbbLbrack txtbbLparen txtbbOmega txtbbPhi txtbbPi txtbbPsi txtbbRangle
txtbbRbrack txtbbRparen txtbbSigma txtbbTheta txtbbUpsilon txtbbXi txtbbalpha txtbbbeta txtbbchi txtbbdelta
txtbbdotlessi txtbbdotlessj txtbbepsilon txtbbeta txtbbgamma txtbbiota txtbbkappa txtbblambda txtbbmu txtbbnu
txtbbomega txtbbphi txtbbpi txtbbpsi txtbbrho txtbbsigma txtbbtau txtbbtheta txtbbupsilon txtbbxi txtbbzeta
txtbfbbDelta txtbfbbGamma txtbfbbLambda txtbfbbLangle txtbfbbLbrack txtbfbbLparen txtbfbbOmega txtbfbbPhi txtbfbbPi
txtbfbbPsi txtbfbbRangle txtbfbbRbrack txtbfbbRparen txtbfbbSigma txtbfbbTheta txtbfbbUpsilon txtbfbbXi txtbfbbalpha
txtbfbbbeta txtbfbbchi txtbfbbdelta txtbfbbdotlessi txtbfbbdotlessj txtbfbbepsilon txtbfbbeta txtbfbbgamma
txtbfbbiota txtbfbbkappa txtbfbblambda txtbfbbmu txtbfbbnu txtbfbbomega txtbfbbphi txtbfbbpi txtbfbbpsi txtbfbbrho
txtbfbbsigma txtbfbbtau txtbfbbtheta txtbfbbupsilon txtbfbbxi txtbfbbzeta u ulcorner underbrace underbracket
underleftarrow underleftrightarrow underline underparen underrightarrow underset unicode unitfrac units unlhd unrhd
upalpha uparrow upbeta upchi updelta updownarrow upepsilon upeta upgamma upharpoonleft upharpoonright upiota upkappa
uplambda uplus upmu upnu upomega upomicron upphi uppi uppsi uprho uproot upsigma upsilon uptau uptheta upuparrows
upupsilon upvarepsilon upvarphi upvarpi upvarrho upvarsigma upvartheta upxi upzeta urcorner usetagform v vDash
varDelta varGamma varLambda varOmega varPhi varPi varPsi varSigma varTheta varUpsilon varXi varepsilon varinjlim
varkappa varliminf varlimsup varnothing varphi varpi varprojlim varpropto varrho varsigma varsubsetneq varsubsetneqq
varsupsetneq varsupsetneqq vartheta vartriangle vartriangleleft vartriangleright vbox vcenter vcentercolon vdash
vdots vdotswithin vec vee veebar verb vert vphantom vtop wedge widehat widetilde wp wr xLeftarrow xLeftrightarrow
xLongleftarrow xLongrightarrow xRightarrow xcancel xhookleftarrow xhookrightarrow xi xleftarrow xleftharpoondown
xleftharpoonup xleftrightarrow xleftrightharpoons xlongequal xlongleftarrow xlongrightarrow xmapsto xmathstrut
xrightarrow xrightharpoondown xrightharpoonup xrightleftharpoons xtofrom xtwoheadleftarrow xtwoheadrightarrow yen
zeta
""".split())

MATHJAX_ENVIRONMENTS = frozenset("""
Bmatrix Bmatrix* Bsmallmatrix Bsmallmatrix* CD Vmatrix Vmatrix* Vsmallmatrix Vsmallmatrix* align align* alignat
alignat* aligned alignedat array bmatrix bmatrix* bsmallmatrix bsmallmatrix* cases cases* crampedsubarray darray
dcases dcases* displaymath drcases drcases* empheq eqnarray eqnarray* equation equation* flalign flalign* gather
gather* gathered indentalign lgathered math matrix matrix* multline multline* multlined numcases pmatrix pmatrix*
prooftree psmallmatrix psmallmatrix* rcases rcases* rgathered smallmatrix smallmatrix* split spreadlines subarray
subnumcases vmatrix vmatrix* vsmallmatrix vsmallmatrix* xalignat xalignat* xxalignat
""".split())
