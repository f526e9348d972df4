# Regenerates the framework files under src/main/resources/kubeattest/frameworks/ from the reference
# tables (CIS TSVs, frameworks.md, framework-crosswalk.tsv, pss.md). Run once when the reference
# changes, then review the diff: the YAML files are the source of truth the build checks.
#   python3 kubeattest-engine/src/build/generate-frameworks.py /path/to/shared/reference/
import csv, re, os, json, sys
REF=os.path.join(sys.argv[1] if len(sys.argv) > 1 else '../shared/reference', '')
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'main', 'resources', 'kubeattest', 'frameworks', '')
os.makedirs(OUT, exist_ok=True)
md=open(REF+'frameworks.md').read().splitlines()

def table_after(heading):
    i=[n for n,l in enumerate(md) if l.startswith(heading)][0]
    rows=[]; started=False
    for l in md[(i if heading.startswith('|') else i+1):]:
        if l.startswith('|'):
            started=True
            cells=[c.strip() for c in l.strip().strip('|').split('|')]
            if set(''.join(cells))<=set('-: '): continue
            rows.append(cells)
        elif started: break
    return rows[1:]

def q(s):
    return json.dumps(s, ensure_ascii=False)

cross=list(csv.DictReader(open(REF+'framework-crosswalk.tsv'), delimiter='\t'))
def crossids(col):
    out=[]
    for r in cross:
        for v in (r[col] or '').split(';'):
            v=v.strip()
            if v and v not in out: out.append(v)
    return out

def write(fid, title, version, description, scope, sections, controls, extra=''):
    lines=['apiVersion: kubeattest.io/v1alpha1','kind: Framework',
           f'id: {fid}', f'title: {q(title)}', f'version: {q(version)}',
           f'description: {q(description)}', f'scope: {q(scope)}']
    if extra: lines.append(extra.rstrip())
    lines.append('sections:')
    for sid,st in sections:
        lines.append(f'  - id: {q(sid)}'); lines.append(f'    title: {q(st)}')
    lines.append('controls:')
    for c in controls:
        lines.append(f'  - id: {q(c["id"])}')
        lines.append(f'    title: {q(c["title"])}')
        lines.append(f'    section: {q(c["section"])}')
        if c.get('baselines'): lines.append('    baselines: ['+', '.join({'L':'fedramp-low','M':'fedramp-moderate','H':'fedramp-high'}[x] for x in c['baselines'])+']')
        if c.get('rules'): lines.append('    rules: ['+', '.join(c['rules'])+']')
        if c.get('manual'):
            lines.append('    manual: true')
            lines.append(f'    procedure: {q(c["procedure"])}')
    open(OUT+fid+'.yaml','w').write('\n'.join(lines)+'\n')
    return fid

index=[]
# ---- CIS Kubernetes 1.12
secs=table_after('### 7.2 Section structure')
sect=[]
for r in secs:
    sid=r[0].strip('*'); t=r[1].strip('*')
    if sid and sid!='' and re.match(r'^\d', sid): sect.append((sid,t))
top={s for s,_ in sect if '.' not in s}
ctl=[]
for r in csv.DictReader(open(REF+'cis-kubernetes-1.12.tsv'), delimiter='\t'):
    cid=r['id']; parts=cid.split('.')
    s='.'.join(parts[:2]) if len(parts)>2 else parts[0]
    c={'id':cid,'title':r['title'],'section':s}
    if r['automated']!='yes':
        c['manual']=True
        c['procedure']=f"Manual check (CIS: not automated). Audit {r['audited_binary_or_file']}" + (f" ({r['flag_or_key']})" if r['flag_or_key'] else '') + f"; expected: {r['expected']}."
    ctl.append(c)
assert len(ctl)==131, len(ctl)
used={c['section'] for c in ctl}
sect=[(s,t) for s,t in sect if s in used]
assert used<= {s for s,_ in sect}, used-{s for s,_ in sect}
index.append(write('cis-kubernetes-1.12','CIS Kubernetes Benchmark','1.12.0',
 'Configuration of the control plane, etcd, worker nodes and Kubernetes policies (same recommendations and numbering as v2.0).',
 'Cluster layer only: component flags, node files, RBAC and pod policies. It says nothing about image content (CVEs, packages, signatures).',
 sect, ctl))

# ---- CIS Docker 1.6
ctl=[]; sect=[]
for r in csv.DictReader(open(REF+'cis-docker-1.6.tsv'), delimiter='\t'):
    sec=r['section'].split(' ',1)
    sid=sec[0]; st=sec[1]
    cid=r['id']
    if cid.startswith('1.1.'): sid,st='1.1','Linux Hosts Specific Configuration'
    elif cid.startswith('1.2.'): sid,st='1.2','General Configuration'
    if (sid,st) not in sect: sect.append((sid,st))
    title=re.sub(r'\s*\((Automated|Manual)\)\s*$','',r['title'])
    ctl.append({'id':cid,'title':title,'section':sid,'manual':True,
      'procedure':f"Audit {r['audited_source']}" + (f" ({r['field_or_path']})" if r['field_or_path'] else '') + f"; expected: {r['expected']}."})
fixsec={'4':'Container Images and Build File Configuration','5':'Container Runtime Configuration'}
sect=[(s,fixsec.get(s,t)) for s,t in sect]
index.append(write('cis-docker-1.6','CIS Docker Benchmark','1.6.0',
 'Docker host, daemon, daemon files, images and build files, container runtime, security operations and Swarm.',
 'Docker hosts and containers run by Docker; section 4 touches image build hygiene, but no CVE content.',
 sect, ctl))

# ---- NSA/CISA 1.2
rows=table_after('### 1.3 Recommendations')
secnames={'P':'Kubernetes Pod security','N':'Network separation and hardening','A':'Authentication and authorization','L':'Audit logging and threat detection','U':'Upgrading and application security practices'}
ctl=[{'id':r[0],'title':r[2],'section':r[1]} for r in rows]
index.append(write('nsa-cisa-1.2','NSA/CISA Kubernetes Hardening Guidance','1.2',
 'Kubernetes Hardening Guidance, NSA and CISA Cybersecurity Technical Report, August 2022. Control keys are kubeattest\'s: the guide does not number its recommendations.',
 'Pods, network, authentication, logging and upgrades, including image scanning; runtime threat detection and cloud infrastructure are outside what a scanner can show.',
 list(secnames.items()), ctl))

# ---- MITRE ATT&CK containers
rows=table_after('### 2.1 ATT&CK for Containers')
ctl=[]; sect=[]
def tac_id(t): return re.sub(r'[^a-z]+','-',t.lower()).strip('-')
for r in rows:
    tactic=r[0].split('/')[0].strip()
    ids=[x.strip() for x in re.split(r'[;]', r[1])]
    name=re.sub(r'\s*\(.*\)$','',r[2])
    for i in ids:
        m=re.match(r'(T\d+(?:\.\d+)?)(?: \((.*)\))?',i)
        tid=m.group(1)
        sid=tac_id(tactic)
        if (sid,tactic) not in sect: sect.append((sid,tactic))
        if not any(c['id']==tid for c in ctl):
            sub={'T1078.001':'Valid Accounts: Default Accounts','T1078.003':'Valid Accounts: Local Accounts','T1496.001':'Resource Hijacking: Compute Hijacking','T1136':'Create Account'}
            ctl.append({'id':tid,'title':sub.get(tid,name),'section':sid})
# enterprise techniques used in crosswalk
ent={'T1552.005':'Unsecured Credentials: Cloud Instance Metadata API','T1557':'Adversary-in-the-Middle','T1210':'Exploitation of Remote Services','T1195.002':'Compromise Software Supply Chain','T1105':'Ingress Tool Transfer','T1021.004':'Remote Services: SSH','T1040':'Network Sniffing'}
sect.append(('enterprise','Enterprise techniques outside the Containers matrix'))
for k,v in ent.items(): ctl.append({'id':k,'title':v,'section':'enterprise'})
known={c['id'] for c in ctl}
for t in crossids('mitre_attack')+['T1098']:
    if t not in known:
        ctl.append({'id':t,'title':{'T1078.003':'Valid Accounts: Local Accounts','T1552':'Unsecured Credentials','T1078':'Valid Accounts','T1496.001':'Resource Hijacking: Compute Hijacking','T1078.001':'Valid Accounts: Default Accounts','T1098':'Account Manipulation'}.get(t,t),'section':'enterprise' if t not in ('T1552','T1496.001','T1078.001','T1078.003','T1078','T1098') else 'other'}); known.add(t)
if any(c['section']=='other' for c in ctl): sect.append(('other','Parent and sub-techniques used by mappings'))
index.append(write('mitre-attack','MITRE ATT&CK for Containers','v17',
 'Techniques of the ATT&CK Containers platform, grouped by tactic, with the Enterprise techniques kubeattest maps to. A rule evidences a technique when the finding it reports removes a precondition of it.',
 'Misconfigurations that enable techniques; detection of an attack in progress (runtime behaviour) is outside scope.',
 sect, ctl))

# ---- PCI DSS 4.0
rows=table_after('| Req | Gist')
pcisec={'1':'Install and maintain network security controls','2':'Apply secure configurations to all system components','3':'Protect stored account data','4':'Protect cardholder data with strong cryptography during transmission','5':'Protect all systems and networks from malicious software','6':'Develop and maintain secure systems and software','7':'Restrict access by business need to know','8':'Identify users and authenticate access','10':'Log and monitor all access','11':'Test security of systems and networks regularly','12':'Support information security with organizational policies'}
ctl=[]
def add(cid,title,manual=True):
    if any(c['id']==cid for c in ctl): return
    s=cid.split('.')[0]
    c={'id':cid,'title':title,'section':s}
    if manual: c['manual']=True; c['procedure']='Assessor reviews the entity\'s evidence for this requirement; kubeattest supplies configuration findings where rules map to it.'
    ctl.append(c)
for r in rows:
    req=re.sub(r'\s*\(FD\)','',r[0])
    gist=r[1]
    if '–' in req or 'x' in req: 
        if req.startswith('10.2.1.1'):
            for n in range(1,8): add(f'10.2.1.{n}', f'Audit logs capture event class 10.2.1.{n}')
        elif req.startswith('10.3.1'):
            for n in range(1,5): add(f'10.3.{n}', 'Audit logs protected (10.3.%d)'%n)
        continue
    for part in [p.strip() for p in req.split('/')]:
        if not re.match(r'^\d',part):
            continue
        add(part, gist)
for cid,t in {'3.5.1':'PAN is rendered unreadable anywhere it is stored','4.2.1':'Strong cryptography protects PAN during transmission over open, public networks','12.3.4':'Hardware and software technologies in use are reviewed at least once every 12 months','5.2.1':'An anti-malware solution is deployed on all system components','12.5.1':'An inventory of system components in scope for PCI DSS is maintained'}.items(): add(cid,t)
for cid in crossids('pci_dss_v4'):
    assert any(c['id']==cid for c in ctl), cid
def vkey(cid): return [int(x) for x in cid.split('.')]
ctl.sort(key=lambda c: vkey(c['id']))
used=[]
for c in ctl:
    if c['section'] not in used: used.append(c['section'])
index.append(write('pci-dss-4.0','PCI DSS','4.0.1',
 'Payment Card Industry Data Security Standard v4.0 / v4.0.1: the requirements that container and Kubernetes configuration can evidence.',
 'Requirements whose evidence lives in cluster and image configuration; process requirements stay manual, assessed by a QSA.',
 [(s,pcisec[s]) for s in used], ctl))

# ---- SOC 2
rows=table_after('| CC | Gist')
ctl=[]
for r in rows:
    if any(c['id']==r[0] for c in ctl): continue
    ctl.append({'id':r[0],'title':r[1],'section':r[0][:3]})
soc_sec={'CC6':'CC6 Logical and physical access controls','CC7':'CC7 System operations','CC8':'CC8 Change management','CC9':'CC9 Risk mitigation','A1.':'A1 Availability'}
extra={'CC9.2':'The entity assesses and manages risks associated with vendors and business partners','A1.1':'Current processing capacity and use are maintained, monitored and evaluated','A1.2':'Environmental protections, software, data backup and recovery infrastructure are managed'}
for k,v in extra.items(): ctl.append({'id':k,'title':v,'section':k[:3]})
for cid in crossids('soc2_tsc'): assert any(c['id']==cid for c in ctl), cid
used=[]
for c in ctl:
    if c['section'] not in used: used.append(c['section'])
index.append(write('soc2','SOC 2 Trust Services Criteria','2017',
 'AICPA Trust Services Criteria (2017, points of focus revised 2022) used in SOC 2 reports: CC6, CC7 and CC8, with CC9.2 and the Availability criteria A1.1 and A1.2 that rules map to.',
 'Configuration evidence for the entity\'s controls; the auditor tests the controls and gives the opinion. A1 applies only when Availability is in the report\'s scope.',
 [(s,soc_sec[s]) for s in used], ctl))

# ---- NIST 800-190
rows=table_after('| Risk id | Countermeasure id')
ctl=[]; sect=[]
for r in rows:
    cid=r[1]; title=r[2].strip('*')
    if cid=='4.6': continue
    if cid.count('.')==1: sect.append((cid,title)); continue
    ctl.append({'id':cid,'title':title,'section':cid.rsplit('.',1)[0]})
index.append(write('nist-800-190','NIST SP 800-190 Application Container Security Guide','2017-09',
 'Countermeasures of section 4 (4.1 image to 4.5 host OS); each mirrors the risk of the same number in section 3.',
 'Both layers: image, registry, orchestrator, container and host OS. 4.6 (hardware) is out of scope.',
 sect, ctl))

# ---- NIST 800-53 r5 + FedRAMP
rows=table_after('| Control | Title | FedRAMP')
ctl=[]
fam={'AC':'Access Control','AU':'Audit and Accountability','CA':'Assessment, Authorization, and Monitoring','CM':'Configuration Management','IA':'Identification and Authentication','RA':'Risk Assessment','SA':'System and Services Acquisition','SC':'System and Communications Protection','SI':'System and Information Integrity','SR':'Supply Chain Risk Management'}
def expand(spec):
    spec=spec.strip()
    out=[]
    for p in [x.strip() for x in spec.split('/')]:
        if p.startswith('('): out.append(out[0].split('(')[0]+p)
        else: out.append(p)
    return out
baselines={}
for r in rows:
    ids=expand(r[0]); titles=[t.strip() for t in r[1].split('/')]
    bl=r[2]
    b=[x for x in ['L','M','H'] if re.search(r'\b'+x+r'\b', bl.split('/')[0])] if 'not in' not in bl else []
    if 'H only' in bl: b=['H']
    for n,i in enumerate(ids):
        t=titles[n] if len(titles)==len(ids) else titles[0]
        bb=b
        if '/' in bl and 'not' not in bl:
            parts=[p.strip() for p in bl.split('/')]
            if len(parts)==len(ids): bb=[x for x in ['L','M','H'] if x in parts[n].split()]
        ctl.append({'id':i,'title':t,'section':i.split('-')[0],'baselines':bb})
for cid,t,b in [('SC-7(5)','Deny by Default — Allow by Exception',['M','H']),('IA-5(7)','No Embedded Unencrypted Static Authenticators',['M','H']),('SR-4','Provenance',[]),('SC-6','Resource Availability',[])]:
    if not any(c['id']==cid for c in ctl): ctl.append({'id':cid,'title':t,'section':cid.split('-')[0],'baselines':b})
for cid in crossids('nist_800_53r5'):
    assert any(c['id']==cid for c in ctl), cid
def nkey(c):
    m=re.match(r'([A-Z]+)-(\d+)(?:\((\d+)\))?',c['id']); return (m.group(1),int(m.group(2)),int(m.group(3) or 0))
ctl.sort(key=nkey)
used=sorted({c['section'] for c in ctl})
lines_extra='baselines:\n  fedramp-low: "FedRAMP Rev5 Low"\n  fedramp-moderate: "FedRAMP Rev5 Moderate"\n  fedramp-high: "FedRAMP Rev5 High"'
# write with baselines per control
fid='nist-800-53-r5'
write(fid,'NIST SP 800-53 Rev. 5 with FedRAMP baselines','5.1.1',
 'Security and privacy controls commonly evidenced by container and Kubernetes scanning, each with its FedRAMP Rev5 baseline membership (Low, Moderate, High).',
 'Technical controls with configuration or scan evidence; organisational and procedural controls are outside what kubeattest observes.',
 [(s,fam[s]) for s in used], ctl, extra=lines_extra)
index.append(fid)

# ---- PSS
pss=open(REF+'pss.md').read().splitlines()
def pss_rows(h):
    i=[n for n,l in enumerate(pss) if l.startswith(h)][0]; rows=[]
    for l in pss[i+2:]:
        if l.startswith('|'):
            cells=[c.strip() for c in l.strip().strip('|').split('|')]
            if cells[0] in ('#',) or set(''.join(cells))<=set('-: '): continue
            rows.append(cells)
        elif rows: break
    return rows
base=[(r[1].strip('`'),r[2]) for r in pss_rows('## A. Baseline')]
restr=[(r[1].strip('`'),r[2]) for r in pss_rows('## B. Restricted') if r[1]!='(none)']
write('pss-baseline','Pod Security Standards: baseline','v1.35',
 'The baseline level of the Kubernetes Pod Security Standards: prevents known privilege escalations. Control ids are the Pod Security Admission check ids.',
 'Pod specs only (workloads); nothing about nodes, RBAC, network or images.',
 [('baseline','Baseline')], [{'id':i,'title':t,'section':'baseline'} for i,t in base],
 extra='evidenceFrom:\n  equivalents: pss\n  prefixes: ["baseline:"]')
index.append('pss-baseline')
overridden=set()
write('pss-restricted','Pod Security Standards: restricted','v1.35',
 'The restricted level of the Kubernetes Pod Security Standards: baseline plus pod hardening best practice. Control ids are the Pod Security Admission check ids; a baseline control stays listed where a restricted check tightens it, since what baseline forbids restricted forbids too.',
 'Pod specs only (workloads); nothing about nodes, RBAC, network or images.',
 [('baseline','Baseline (inherited)'),('restricted','Restricted')],
 [{'id':i,'title':t,'section':'baseline'} for i,t in base if i not in overridden]+[dict({'id':i,'title':t,'section':'restricted'}, **({'rules':['container-run-as-non-root']} if i=='runAsNonRoot' else {})) for i,t in restr],
 extra='evidenceFrom:\n  equivalents: pss\n  prefixes: ["baseline:", "restricted:"]')
index.append('pss-restricted')
open(OUT+'index.txt','w').write('# Built-in framework files, one per framework version, listed in this order.\n'+'\n'.join(i+'.yaml' for i in index)+'\n')
print(index)
